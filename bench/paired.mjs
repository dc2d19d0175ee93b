// Two gonogo checkouts timed against each other on one machine in the same minutes, so that a change's effect is
// not lost in the machine's swings (bench/run.mjs's rows move by a third between runs on a shared machine).
// Builds alternate between the two, each on its own copy of the deck, in fresh processes:
//   rebuild (default): each copy built once, then per round the deck title reworded in both and each rebuilt;
//   --cold: per round, each copy built with no out/.
//   node bench/paired.mjs OTHER_CHECKOUT [--deck decks/quoting-workflow] [--rounds 10] [--cold]
// OTHER_CHECKOUT is a checkout with its own bundle (e.g. `git worktree add ../before HEAD~3`, then `npm ci` there);
// this checkout is the other side. Prints the median wall time of each side and their ratio.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runOnce, stats } from './measure.mjs';
import { rewordTitle } from './watch.bench.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { deck: { type: 'string', default: join(here, 'decks', 'quoting-workflow') }, rounds: { type: 'string', default: '10' }, cold: { type: 'boolean', default: false } },
});
if (positionals.length !== 1) {
  console.error('usage: node bench/paired.mjs OTHER_CHECKOUT [--deck DIR] [--rounds N] [--cold]');
  process.exit(2);
}
const sides = [
  { name: 'other', root: resolve(positionals[0]) },
  { name: 'this', root: here },
];
const rounds = Number(values.rounds);
const tmp = mkdtempSync(join(tmpdir(), 'gonogo-paired-'));
try {
  for (const side of sides) {
    side.deck = join(tmp, side.name, basename(values.deck));
    cpSync(values.deck, side.deck, { recursive: true });
    rmSync(join(side.deck, 'out'), { recursive: true, force: true });
    side.build = () => runOnce(process.execPath, [join(side.root, 'bin', 'gonogo.js'), 'build', side.deck, '--quiet']);
    side.build(); // a first build: the rebuilds find their caches, and each bundle's code cache is written
    side.ms = [];
  }
  for (let round = 1; round <= rounds; round++)
    for (const side of round % 2 ? sides : [...sides].reverse()) {
      if (values.cold) rmSync(join(side.deck, 'out'), { recursive: true, force: true });
      else rewordTitle(join(side.deck, 'gonogo.yaml'), round);
      side.ms.push(side.build().ms);
    }
  const [other, mine] = sides.map((s) => stats(s.ms).median);
  console.log(`${values.cold ? 'cold build' : 'rebuild after a title edit'}, ${basename(values.deck)}, ${rounds} rounds alternating:`);
  console.log(`  ${sides[0].root}: ${other.toFixed(0)} ms (median)`);
  console.log(`  ${sides[1].root}: ${mine.toFixed(0)} ms (median), ${((mine / other - 1) * 100).toFixed(0)}%`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
