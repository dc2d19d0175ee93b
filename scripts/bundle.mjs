// Bundles the CLI (src/cli/main.ts) with its pure-JS dependencies into one CommonJS script, dist/gonogo.cjs, and
// the chart-drawing worker (src/charts/worker.ts) into dist/chart-worker.cjs. Start-up reads one file instead of
// hundreds of node_modules files, and bin/gonogo.js runs the script through V8's code cache (bin/code-cache.cjs),
// which Node 20 offers for scripts but not for ES modules: a run then compiles almost nothing. Modules imported
// with import() stay lazy (esbuild initialises them on first use), so a verb still runs only what it needs.
// The package's `dependencies` and `optionalDependencies` (native parts, heavy optional trees) stay external
// and load on first use; everything else is bundled, so it is a devDependency and never installed by users.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isBuiltin } from 'node:module';
import { isAscii } from 'node:buffer';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { writeThirdPartyLicenses } from './third-party-licenses.mjs';
import { writeChartFonts } from './chart-fonts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What the package installs for its users: resolved from node_modules at run time, never bundled. */
export const EXTERNAL = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})];

/** Replaces a module by fixed source text. */
const stub = (name, filter, contents, when = () => true) => ({
  name,
  setup(b) {
    b.onResolve({ filter }, (args) => (when(args) ? { path: args.path, namespace: name } : undefined));
    b.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: 'js' }));
  },
});

const plugins = [
  // jsonc-parser's `main` is a UMD build whose requires esbuild cannot follow; its ES module build bundles cleanly.
  {
    name: 'jsonc-parser-as-esm',
    setup(b) {
      b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: join(root, 'node_modules', 'jsonc-parser', 'lib', 'esm', 'main.js') }));
    },
  },
  // Handlebars builds source maps with `source-map` when it can load it; we never use them. Without it, it falls
  // back to a plain string builder: smaller bundle, faster template compiles.
  stub('no-source-map-for-handlebars', /^source-map$/, 'module.exports = {};', (args) => args.importer.includes('handlebars')),
  // vega-canvas tries `await import('canvas')` at its top level (not allowed in a script). gonogo draws SVG with
  // the renderer 'none' and measures text itself, so Vega never needs a canvas: the answer is always "none".
  stub('no-canvas-for-vega', /^vega-canvas$/, 'export const canvas = () => null; export const image = () => null;'),
  {
    // pptxgenjs writes through a JSZip stand-in that hands its parts over unzipped (src/render/pptx/jszip-parts.ts).
    name: 'jszip-parts-for-pptxgenjs',
    setup(b) {
      b.onResolve({ filter: /^jszip$/ }, () => ({ path: join(root, 'src/render/pptx/jszip-parts.ts') }));
    },
  },
  {
    // yargs looks for the program's package.json from the folder above its own node_modules; bundled there is
    // none, so it searched upward from the working directory and failed with an AssertionError on every run
    // (formatting its stack costs a tenth of a second in a 5 MB script). Bundled, the program's folder is dist/..
    name: 'yargs-finds-gonogo-package',
    setup(b) {
      b.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const from = "const mainFilename = __dirname.substring(0, __dirname.lastIndexOf('node_modules'));";
        if (!source.includes(from)) return { contents: source, warnings: [{ text: 'yargs changed its platform shim: mainFilename left as it is' }] };
        return { contents: source.replace(from, "const mainFilename = fileURLToPath(new URL('..', import.meta.url));"), loader: 'js' };
      });
    },
  },
  {
    // string-width (yargs' help layout) builds its Unicode-property regular expressions (\p{RGI_Emoji} with the v
    // flag, through ICU) when its module loads: a twentieth of a rebuild, on every run, for help text that is
    // laid out only with --help. Bundled, each string-width is loaded on the first call that is not plain ASCII
    // (printable ASCII is one column a character, as string-width itself counts it).
    name: 'lazy-string-width',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.pluginData?.real) return undefined;
        const real = await b.resolve('string-width', { resolveDir: args.resolveDir, kind: args.kind, pluginData: { real: true } });
        return { path: real.path, namespace: 'lazy-string-width' };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
        resolveDir: root,
        loader: 'js',
        contents: `let real;
export default function stringWidth(string, options) {
  if (typeof string === 'string' && !/[^\x20-\x7e]/.test(string)) return string.length;
  real ??= require(${JSON.stringify(args.path)}).default;
  return real(string, options);
}`,
      }));
    },
  },
  {
    // fontkit and unicode-properties decode four deflated Unicode tries when they load (≈ 20 ms a process), for
    // script and shaping data that text measured by src/layout/plain-shaping.ts never reads. Bundled, each trie is
    // built on its first lookup: a rebuild that measures a reworded title in Latin text opens the font, no more.
    name: 'lazy-unicode-tries',
    setup(b) {
      b.onLoad({ filter: /[\\/]node_modules[\\/](fontkit|unicode-properties)[\\/]dist[\\/]main\.cjs$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const names = [];
        const contents = source.replace(/^const (\$\w+\$var\$trie) = (new \(0, \(\$parcel\$interopDefault\(\$\w+\$unicodetrie\)\)\)\(.*\));$/gm, (_, name, make) => {
          names.push(name);
          return `let ${name}$built; const ${name} = { get: (codePoint) => (${name}$built ??= ${make}).get(codePoint) };`;
        });
        // The stand-in answers get() only: any other use of a trie keeps the module as it is.
        const otherUse = names.some((n) => source.split(n).length - 1 !== source.split(`${n}.get(`).length - 1 + 1);
        if (names.length === 0 || otherUse) return { contents: source, loader: 'js', warnings: [{ text: `${args.path} changed how it builds its Unicode tries: left as it is` }] };
        return { contents, loader: 'js' };
      });
    },
  },
  {
    // The built-in templates, precompiled: a build then neither parses nor compiles them (≈ 0.1 s a run).
    // Keyed by the text src/compose/texts.ts reads from templates/ (trailing line breaks dropped), so a template
    // edited after bundling simply misses and is compiled at load.
    name: 'precompiled-templates',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/]compose[\\/]builtin-templates\.ts$/ }, () => {
        const handlebars = createRequire(import.meta.url)('handlebars');
        const options = JSON.parse(readFileSync(join(root, 'src/compose/template-options.json'), 'utf8'));
        const dir = join(root, 'templates');
        const entries = readdirSync(dir)
          .filter((f) => f.endsWith('.hbs'))
          .sort()
          .map((f) => {
            const text = readFileSync(join(dir, f), 'utf8').replace(/\n+$/, '');
            return `[${JSON.stringify(text)}, ${handlebars.precompile(text, options)}]`;
          });
        return { contents: `export const PRECOMPILED = new Map([\n${entries.join(',\n')}\n]);`, loader: 'js', watchFiles: [dir] };
      });
    },
  },
  // pptxgenjs imports node:https on every write, to fetch pictures given by URL; gonogo gives it every picture as
  // data, and loading https (tls, net, http) cost each build ≈ 15 ms.
  stub(
    'no-https-for-pptxgenjs',
    /^node:https$/,
    "module.exports = { get() { throw new Error('gonogo gives pptxgenjs every picture as data: it fetches none'); } };",
    (args) => args.importer.includes('pptxgenjs'),
  ),
  {
    // V8's code cache cannot serve a script that calls import() (Node 20), so lazily loaded externals and Node
    // built-ins are required instead, still on first use.
    name: 'require-lazy-externals',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) =>
        args.kind === 'dynamic-import' && (EXTERNAL.includes(args.path) || isBuiltin(args.path)) ? { path: args.path, namespace: 'required' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
    },
  },
];

/** Stands where src/build-id.ts reads the build id; as long as the hash that replaces it, so the source map holds. */
const BUILD_ID_PLACEHOLDER = 'gonogo-build-id-placeholder-0000';

/**
 * A script's build id: the SHA-256 of its bytes (placeholder included), first 32 hex digits, written in place.
 * The CLI script must hold the placeholder (its caches key on it); a script that does not read it has none.
 */
function writeBuildId(file, required) {
  const text = readFileSync(file, 'latin1');
  const at = text.indexOf(BUILD_ID_PLACEHOLDER);
  if (at < 0 && !required) return;
  if (at < 0 || text.indexOf(BUILD_ID_PLACEHOLDER, at + 1) >= 0) throw new Error(`scripts/bundle.mjs: ${file} must hold the build-id placeholder exactly once`);
  const id = createHash('sha256').update(text, 'latin1').digest('hex').slice(0, BUILD_ID_PLACEHOLDER.length);
  writeFileSync(file, text.slice(0, at) + id + text.slice(at + id.length), 'latin1');
}

/** `forPack` (npm pack) also drops what earlier bundles left in dist/ (the V8 code caches), so the tarball holds this build only. */
export async function bundleCli({ forPack = false } = {}) {
  const outdir = join(root, 'dist');
  if (forPack) rmSync(join(outdir, '.cache'), { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    // src/ is ES modules: import.meta.url becomes the script's own file URL
    define: { 'import.meta.url': '__gonogo_import_meta_url', __GONOGO_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER) },
    banner: { js: "var __gonogo_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    // no comments or indentation: an ASCII script a third smaller, read as Latin-1 without decoding (bin/code-cache.cjs);
    // names stay for stack traces, and the source map leads back to src/
    minifyWhitespace: true,
    charset: 'ascii',
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    plugins,
    metafile: true,
    absWorkingDir: root, // metafile paths are relative to this
  };
  // one build, two scripts: each source file is parsed once for both
  const result = await build({
    ...common,
    entryPoints: { gonogo: join(root, 'src/cli/main.ts'), 'chart-worker': join(root, 'src/charts/worker.ts') },
    outdir,
    outExtension: { '.js': '.cjs' },
  });
  writeBuildId(join(outdir, 'gonogo.cjs'), true);
  writeBuildId(join(outdir, 'chart-worker.cjs'), false);
  for (const f of ['gonogo.cjs', 'chart-worker.cjs'])
    if (!isAscii(readFileSync(join(outdir, f)))) console.warn(`scripts/bundle.mjs: dist/${f} is not ASCII (a regular expression with a non-ASCII character?); it is read slower`);
  // files only: stand-ins and lazy wrappers (namespace:path) carry no package's code of their own
  const inputs = Object.fromEntries(Object.entries(result.metafile.inputs).filter(([name]) => !/^[a-z-]+:/.test(name)));
  writeThirdPartyLicenses(root, { inputs }, join(outdir, 'THIRD-PARTY-LICENSES.txt'));
  writeChartFonts(join(root, 'assets', 'fonts'), join(outdir, 'chart-fonts'));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await bundleCli({ forPack: process.argv.includes('--for-pack') });
