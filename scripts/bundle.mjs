// Bundles src/cli/main.ts with its pure-JS dependencies into dist/gonogo.mjs plus lazily loaded chunks
// (code splitting: vega/vega-lite and pptxgenjs load only when a build reaches them). Start-up reads a
// few files instead of hundreds of node_modules files (see DESIGN.md and BENCHMARKS.md).
// The package's `dependencies` and `optionalDependencies` (native parts, heavy optional trees) stay external
// and load on first use; everything else is bundled, so it is a devDependency and never installed by users.
// `--for-pack` (npm pack) also drops every chunk of earlier builds, so the tarball holds this build only.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { writeThirdPartyLicenses } from './third-party-licenses.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What the package installs for its users: resolved from node_modules at run time, never bundled. */
export const EXTERNAL = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];

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

/** jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ES module build bundles cleanly. */
const jsoncParserAsEsm = {
  name: 'jsonc-parser-as-esm',
  setup(b) {
    b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: join(root, 'node_modules', 'jsonc-parser', 'lib', 'esm', 'main.js') }));
  },
};

export async function bundleCli({ forPack = false } = {}) {
  const outdir = join(root, 'dist');
  const result = await build({
    entryPoints: { gonogo: join(root, 'src/cli/main.ts') },
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
    plugins: [noSourceMapForHandlebars, jsoncParserAsEsm],
    metafile: true,
    absWorkingDir: root, // metafile paths are relative to this
  });
  removeStaleChunks(outdir, new Set(Object.keys(result.metafile.outputs).map((p) => join(root, p))), forPack ? 0 : 10 * 60 * 1000);
  writeThirdPartyLicenses(root, result.metafile, join(outdir, 'THIRD-PARTY-LICENSES.txt'));
}

/**
 * Chunk names carry a content hash, so old ones pile up. A process started before this bundle may still
 * import its old chunks lazily, so only chunks unused for `graceMs` are removed (never the whole folder).
 */
function removeStaleChunks(outdir, current, graceMs) {
  const dir = join(outdir, 'chunks');
  const cutoff = Date.now() - graceMs;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (!current.has(p) && statSync(p).mtimeMs < cutoff) rmSync(p, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli({ forPack: process.argv.includes('--for-pack') });
