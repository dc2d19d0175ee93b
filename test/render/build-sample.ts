// Child-process entry for the determinism test: builds the sample deck and prints its SHA-256.
// Run as `node --import tsx test/render/build-sample.ts` with whatever TZ/LANG the test sets.
import { createHash } from 'node:crypto';
import { buildSample } from './sample.js';

const bytes = await buildSample();
process.stdout.write(createHash('sha256').update(bytes).digest('hex'));
