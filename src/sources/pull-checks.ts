// The pull's guards: spec cross-checks before anything runs, and engine errors turned into exit codes.
import { EXIT, GonogoError, closest, errorDiag, type Diagnostic } from '../diagnostics.js';
import type { Metric, Spec } from '../spec/normalized.js';
import { RowsLimitError, type Engine, type QueryOptions, type SqlValue } from './engine.js';
import { SqlError } from './duckdb.js';

export async function run(engine: Engine, sql: string, binds: SqlValue[] | Record<string, SqlValue>, what: string, where: string, opts?: QueryOptions) {
  try {
    return await engine.query(sql, binds, opts);
  } catch (err) {
    if (err instanceof RowsLimitError) throw err;
    throw asPullError(err, what, where);
  }
}

/** SQL mistakes are the user's (exit 2, naming the SQL file); anything else is the engine's (exit 3). */
export function asPullError(err: unknown, what: string, where: string): GonogoError {
  if (err instanceof GonogoError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const user = err instanceof SqlError ? err.userError : !(err instanceof SqlError);
  return new GonogoError(
    errorDiag(user ? 'pull/sql' : 'pull/engine', `${where}: ${what} failed: ${message.split('\n')[0]}`, {
      hint: `${err instanceof SqlError && err.hint ? err.hint + '; ' : ''}${user ? `fix ${where}; ` : 'the engine failed; '}the previous metrics.lock.json is kept`,
    }),
    user ? EXIT.usage : EXIT.external,
  );
}

export function metricsWithoutSource(spec: Spec): Diagnostic[] {
  return spec.metrics
    .filter((m: Metric) => !m.from)
    .map((m) => ({ code: 'pull/no-source', severity: 'info' as const, message: `metric ${m.id} has no from: and is not pulled`, field: `metrics.${m.id}` }));
}

/** A check's `gap` must name one of the spec's data_gaps, or its figure would feed nothing. */
export function checkGapIds(spec: Spec): void {
  const ids = spec.data_gaps.map((g) => g.id);
  const errors = (spec.source?.checks ?? [])
    .filter((c) => c.gap !== undefined && !ids.includes(c.gap))
    .map((c) => {
      const near = closest(c.gap!, ids);
      return errorDiag('pull/unknown-gap', `quality check ${c.id} names data gap ${c.gap}, which data_gaps does not define`, {
        field: `source.checks.${c.id}.gap`,
        expected: ids.length ? `one of ${ids.join(', ')}` : 'an id from data_gaps',
        ...(near ? { hint: `did you mean ${near}?` } : {}),
      });
    });
  if (errors.length > 0) throw new GonogoError(errors);
}
