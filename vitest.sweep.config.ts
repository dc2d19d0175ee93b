// `npm run sweep` (test/sweep/): the checkers over generated decisions of other seeds, outside `npm test`.
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/sweep/*.sweep.ts'], testTimeout: 900_000 } });
