// Watch-mode rebuild, emulated until `gonogo watch` lands: the bundled CLI's main() runs `build` again
// in the same process, with Vega, fonts and the chart cache warm and the charts unchanged.
// Run: node bench/watch.bench.mjs DECK [BUILDS]  → JSON { first, rebuilds: [ms, …] }
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [deck, count = '6'] = process.argv.slice(2);
const { main } = await import(pathToFileURL(join(root, 'dist', 'gonogo.mjs')).href);
const quiet = { cwd: process.cwd(), env: process.env, isTTY: false, stdout: () => {}, stderr: (s) => process.stderr.write(s) };

async function once() {
  const start = performance.now();
  const code = await main(['build', deck, '-q'], quiet);
  if (code !== 0) throw new Error(`build exited ${code}`);
  return performance.now() - start;
}

const first = await once();
const rebuilds = [];
for (let i = 0; i < Number(count); i++) rebuilds.push(await once());
console.log(JSON.stringify({ first, rebuilds }));
