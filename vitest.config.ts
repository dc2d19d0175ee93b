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
    server: { deps: { inline: ['pptxgenjs'] } },
  },
});
