// Bundles src/cli/main.ts with its pure-JS dependencies into dist/gonogo.mjs plus lazily loaded chunks
// (code splitting: vega/vega-lite and pptxgenjs load only when a build reaches them). Start-up reads a
// few files instead of hundreds of node_modules files (see DESIGN.md and BENCHMARKS.md).
// Packages with native parts or heavy optional trees stay external and load on first use.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Native (prebuilt binaries) or optional: resolved from node_modules at run time. */
export const EXTERNAL = ['@duckdb/node-api', '@resvg/resvg-js', 'snowflake-sdk', 'esbuild'];

/**
 * Handlebars' code generator builds source maps with `source-map` when it can load it; we never use them.
 * Without it, it falls back to a plain string builder: smaller bundle, faster template compiles.
 */
const noSourceMapForHandlebars = {
  name: 'no-source-map-for-handlebars',
  setup(b) {
    b.onResolve({ filter: /^source-map$/ }, (args) => (args.importer.includes('handlebars') ? { path: 'source-map', namespace: 'gonogo-stub' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'gonogo-stub' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** pptxgenjs writes through a JSZip stand-in that hands its parts over unzipped (src/render/pptx/jszip-parts.ts). */
const partsForPptxgenjs = {
  name: 'jszip-parts-for-pptxgenjs',
  setup(b) {
    b.onResolve({ filter: /^jszip$/ }, () => ({ path: join(root, 'src/render/pptx/jszip-parts.ts') }));
  },
};

export async function bundleCli() {
  const outdir = join(root, 'dist');
  const result = await build({
    // the chart-drawing worker is a second entry: it shares chunks with the CLI (src/charts/pool.ts finds it)
    entryPoints: { gonogo: join(root, 'src/cli/main.ts'), 'chart-worker': join(root, 'src/charts/worker.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS dependencies (handlebars, fontkit, yargs helpers) call require() for Node built-ins.
    banner: { js: "import { createRequire as __gonogoCreateRequire } from 'node:module'; const require = __gonogoCreateRequire(import.meta.url);" },
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [noSourceMapForHandlebars, partsForPptxgenjs],
    metafile: true,
    absWorkingDir: root, // metafile paths are relative to this
  });
  removeStaleChunks(outdir, new Set(Object.keys(result.metafile.outputs).map((p) => join(root, p))));
}

/**
 * Chunk names carry a content hash, so old ones pile up. A process started before this bundle may still
 * import its old chunks lazily, so only chunks unused for ten minutes are removed (never the whole folder).
 */
function removeStaleChunks(outdir, current) {
  const dir = join(outdir, 'chunks');
  const cutoff = Date.now() - 10 * 60 * 1000;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (!current.has(p) && statSync(p).mtimeMs < cutoff) rmSync(p, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli();
