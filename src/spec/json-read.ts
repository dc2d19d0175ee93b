// A JSON file gonogo wrote and a user may have edited (metrics.lock.json, checkpoints.json) → data checked
// against its schema, or located errors (file:line:col, the field) that quote nothing of the file beyond the
// offending value. Positions come from the yaml parser, which reads JSON too, only when something is wrong.
import type { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { errorDiag, GonogoError, sortDiagnostics } from '../diagnostics.js';
import { PositionIndex } from './positions.js';
import { issuesToDiagnostics } from './issues.js';

export interface JsonFileKind {
  /** Diagnostic code prefix, e.g. 'lock' → lock/json, lock/invalid. */
  code: string;
  /** What the file is, in words: 'metrics lock'. */
  what: string;
  /** How to get a good file back. */
  hint: string;
}

export function readJson<S extends z.ZodType>(text: string, file: string, schema: S, kind: JsonFileKind): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const msg = String((err as Error).message);
    const offset = Number(/position (\d+)/.exec(msg)?.[1] ?? (/end of JSON input/.test(msg) ? text.length : 0));
    // Node quotes a stretch of the file after the error ('…, "root:x:0:0…" is not valid JSON'): keep the token only.
    const what = msg.replace(/, ".*$/s, '').replace(/ in JSON at position \d+.*$/s, '');
    throw new GonogoError(errorDiag(`${kind.code}/json`, `${file} is not valid JSON: ${what}`, { pos: { file, ...lineCol(text, offset) }, expected: `a ${kind.what} (JSON)`, hint: kind.hint }));
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const counter = new LineCounter();
  const positions = new PositionIndex(file, parseDocument(text, { lineCounter: counter }), counter, text);
  const diags = issuesToDiagnostics(parsed.error.issues, schema, data, positions).map((d) => ({ ...d, code: d.code.replace(/^spec\//, `${kind.code}/`), hint: kind.hint }));
  throw new GonogoError(sortDiagnostics(diags).slice(0, 5));
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}
