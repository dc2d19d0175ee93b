import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // pptxgenjs writes through a JSZip stand-in, as in the bundle (scripts/bundle.mjs, src/render/pptx/jszip-parts.ts).
  resolve: { alias: { jszip: fileURLToPath(new URL('./src/render/pptx/jszip-parts.ts', import.meta.url)) } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Every core (vitest's default leaves one idle): on 2 cores that halves the suite; many tests wait on a
    // child process (a build, LibreOffice) anyway.
    maxWorkers: availableParallelism(),
    server: { deps: { inline: ['pptxgenjs'] } },
  },
});
