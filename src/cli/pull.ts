// gonogo pull DECK: run the deck's metric SQL and quality checks, write metrics.lock.json.
// The lock is replaced only after the whole pull succeeded; a failed pull leaves the last good lock in place.
import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { EXIT, GonogoError, errorDiag, formatDiagnostic } from '../diagnostics.js';
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
      .option('timeout', { type: 'number', describe: 'Seconds the warehouse login and each query may take (default: source.timeout, else 600)' })
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
  let result;
  try {
    result = await pullMetrics(loaded.spec, loaded.dir, {
      rowsLimit: Number(args['rows-limit'] ?? args.rowsLimit ?? 2_000_000),
      timeoutSeconds: timeoutArg(args.timeout),
      pulledAt: pullTime(io.env),
      onProgress: progress.onProgress,
      onWarning: (d) => io.stderr(formatDiagnostic(d) + '\n'),
      env: io.env,
    });
  } finally {
    progress.stop();
  }
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
          ...(result.lock.session ? { session: result.lock.session } : {}),
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
    const s = result.lock.session;
    const where = s ? ` from Snowflake account ${s.account} as ${s.user}${[s.role && `role ${s.role}`, s.warehouse && `warehouse ${s.warehouse}`].filter(Boolean).map((x) => `, ${x}`).join('')}` : '';
    io.stderr(`wrote ${shown}: ${n} metric${n === 1 ? '' : 's'}, ${quality.length} quality check${quality.length === 1 ? '' : 's'}${where}\n`);
  }
  return EXIT.ok;
}


/** --timeout: a positive number of seconds, or exit 2 naming the option. */
export function timeoutArg(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new GonogoError(errorDiag('cli/timeout', `--timeout must be a positive number of seconds, got ${String(value)}`, { field: '--timeout', hint: 'e.g. --timeout 900 for 15 minutes' }));
  }
  return n;
}

/**
 * On a terminal: one line per query, rewritten in place, with the seconds it has been running ticking while a
 * long query runs, then its row count and time. Off a terminal (piped, CI logs) and with --json: nothing.
 */
export function progressPrinter(io: Io, quiet: boolean): { onProgress: (e: Progress) => void; stop: () => void } {
  let ticker: NodeJS.Timeout | undefined;
  const stopTicker = () => {
    clearInterval(ticker);
    ticker = undefined;
  };
  if (quiet || !io.isTTY) return { onProgress: () => {}, stop: stopTicker };
  return {
    // A query that failed leaves its line unfinished: clear it, so the error starts on a clean line.
    stop: () => {
      if (ticker) io.stderr('\r\x1b[2K');
      stopTicker();
    },
    onProgress: (e) => {
      const what = `[${e.index + 1}/${e.total}] ${e.step} ${e.id} (${e.label})`;
      stopTicker();
      if (e.type === 'start') {
        const started = performance.now();
        io.stderr(`\r\x1b[2K${what} …`);
        ticker = setInterval(() => io.stderr(`\r\x1b[2K${what} … ${Math.round((performance.now() - started) / 1000)} s`), 1000);
        ticker.unref();
        return;
      }
      const done = e.step === 'setup' ? `${what}: done` : `${what}: ${e.rows} row${e.rows === 1 ? '' : 's'}`;
      io.stderr(`\r\x1b[2K${done} in ${(e.ms / 1000).toFixed(2)} s\n`);
    },
  };
}
