// A metric's `from:` resolved to the text the engine runs (and the lock hashes).
import { readFile } from 'node:fs/promises';
import { EXIT, GonogoError, errorDiag } from '../diagnostics.js';
import type { Metric } from '../spec/normalized.js';
import { resolveInsideDeck } from '../spec/deck-path.js';
import { fileReader } from './duckdb.js';

export type MetricFrom = NonNullable<Metric['from']>;

export interface MetricSourceText {
  kind: 'SQL' | 'file';
  /** What the lock hashes: the SQL text, or the data file's bytes. */
  text: string | Buffer;
  /** For messages: 'queries/ttfq.sql', 'inline SQL' or 'data/x.csv'. */
  label: string;
  /** Deck-relative file, when there is one. */
  file?: string;
  /** The statement to run. A data file is read through a bind variable, never pasted. */
  sql: string;
  binds?: string[];
}

/** @param field the spec field naming the source, for messages (e.g. 'metrics.conv.from') */
export async function metricSourceText(from: MetricFrom, deckDir: string, field?: string): Promise<MetricSourceText> {
  if ('sql' in from) return { kind: 'SQL', text: from.sql, label: 'inline SQL', sql: from.sql };
  const sqlFile = 'sql_file' in from;
  const rel = sqlFile ? from.sql_file : from.file;
  const path = resolveInsideDeck(deckDir, rel, {
    what: sqlFile ? 'SQL file' : 'data file',
    ...(field ? { field: `${field}.${sqlFile ? 'sql_file' : 'file'}` } : {}),
    hint: 'keep SQL and data files inside the deck folder, e.g. queries/x.sql',
  });
  if ('sql_file' in from) {
    const sql = await readText(path, rel);
    return { kind: 'SQL', text: sql, label: rel, file: rel, sql };
  }
  const bytes = await readFile(path).catch(() => {
    throw missing(rel);
  });
  return { kind: 'file', text: bytes, label: rel, file: rel, sql: `SELECT * FROM ${fileReader(rel)}(?)`, binds: [path] };
}

/** The setup files' SQL, each split into statements (a `;` that ends a line ends a statement). */
export async function setupSql(files: readonly string[], deckDir: string): Promise<{ file: string; text: string; statements: string[] }[]> {
  const out = [];
  for (const rel of files) {
    const text = await readText(resolveInsideDeck(deckDir, rel, { what: 'setup SQL file', field: 'source.setup' }), rel);
    const statements = text
      .split(/;[ \t]*(?:--[^\n]*)?$/m)
      .map((s) => s.trim())
      .filter((s) => s.replace(/--[^\n]*/g, '').trim() !== '');
    out.push({ file: rel, text, statements });
  }
  return out;
}


async function readText(path: string, rel: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw missing(rel);
  }
}

function missing(rel: string): GonogoError {
  return new GonogoError(errorDiag('pull/missing-file', `${rel} does not exist`, { hint: 'paths in from: are relative to the deck folder' }), EXIT.usage);
}
