// gonogo pull DECK: run the deck's metric SQL and quality checks, write metrics.lock.json.
// The lock is replaced only after the whole pull succeeded; a failed pull leaves the last good lock in place.
import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { EXIT, formatDiagnostic } from '../diagnostics.js';
import type { CliCommand, Io } from './io.js';
import { printDiagnostics } from './io.js';
import type { PullProgress as Progress } from '../sources/pull.js';

export const pullCommand: CliCommand = {
  name: 'pull <deck>',
  describe: 'Run the deck’s metric SQL and data-quality checks; write metrics.lock.json',
  builder: (y: Argv) =>
    y
      .positional('deck', { type: 'string', describe: 'Deck folder (or its gonogo.yaml)' })
      .option('rows-limit', { type: 'number', describe: 'Most rows one query may return', default: 2_000_000 })
      .option('json', { type: 'boolean', describe: 'Print the pull summary as JSON on stdout' }),
  run: runPull,
};

async function runPull(args: Record<string, unknown>, io: Io): Promise<number> {
  const { loadSpec } = await import('../spec/load.js');
  const { pullMetrics, pullTime } = await import('../sources/pull.js');
  const { writeLock } = await import('../sources/lock.js');
  const loaded = await loadSpec(String(args.deck), io.cwd);
  printDiagnostics(io, loaded.diagnostics);
  const json = Boolean(args.json);
  const progress = progressPrinter(io, json);
  const result = await pullMetrics(loaded.spec, loaded.dir, {
    rowsLimit: Number(args['rows-limit'] ?? args.rowsLimit ?? 2_000_000),
    pulledAt: pullTime(io.env),
    onProgress: progress,
    env: io.env,
  });
  const file = await writeLock(loaded.dir, result.lock);
  const shown = relative(io.cwd, file) || file;
  for (const d of result.diagnostics) if (d.severity !== 'info' || !json) io.stderr(formatDiagnostic(d) + '\n');
  const quality = result.lock.quality;
  if (json) {
    io.stdout(
      JSON.stringify(
        {
          lock: shown,
          pulledAt: result.lock.pulledAt,
          metrics: Object.fromEntries(Object.entries(result.lock.metrics).map(([id, m]) => [id, { rows: m.rowCount, sqlHash: m.sqlHash, asOf: m.asOf }])),
          quality: quality.map((q) => ({ id: q.id, status: q.status, value: q.value, message: q.message })),
          assignments: result.lock.assignments,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const q of quality) io.stderr(`${q.status === 'pass' ? 'ok  ' : q.status}  ${q.id}: ${q.message}\n`);
    const n = Object.keys(result.lock.metrics).length;
    io.stderr(`wrote ${shown}: ${n} metric${n === 1 ? '' : 's'}, ${quality.length} quality check${quality.length === 1 ? '' : 's'}\n`);
  }
  return EXIT.ok;
}


/** On a terminal: one line per query, rewritten in place with its elapsed time. Elsewhere: plain lines. */
function progressPrinter(io: Io, quiet: boolean): (e: Progress) => void {
  return (e) => {
    if (quiet) return;
    const what = `[${e.index + 1}/${e.total}] ${e.step} ${e.id} (${e.label})`;
    if (e.type === 'start') {
      if (io.isTTY) io.stderr(`\r\x1b[2K${what} …`);
      return;
    }
    const done = e.step === 'setup' ? `${what}: done` : `${what}: ${e.rows} row${e.rows === 1 ? '' : 's'}`;
    io.stderr(io.isTTY ? `\r\x1b[2K${done} in ${(e.ms / 1000).toFixed(2)} s\n` : `${done}\n`);
  };
}
