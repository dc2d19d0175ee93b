// A JSON file gonogo wrote and a user may have edited (metrics.lock.json, checkpoints.json) → data checked
// against its schema, or located errors (file:line:col, the field) that quote nothing of the file beyond the
// offending value. Positions come from the yaml parser, which reads JSON too, only when something is wrong.
import type { z } from 'zod';
import { LineCounter, parseDocument } from 'yaml';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { errorDiag, GonogoError, sortDiagnostics } from '../diagnostics.js';
import { PositionIndex } from './positions.js';
import { issuesToDiagnostics } from './issues.js';
import { lineCol } from './source-file.js';

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
  } catch {
    // JSON.parse names no position for some errors and quotes the file around others: jsonc-parser locates it.
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const what = first ? JSON_ERRORS[printParseErrorCode(first.error)] : undefined;
    throw new GonogoError(errorDiag(`${kind.code}/json`, `${file} is not valid JSON: ${what ?? 'a syntax error'}`, { pos: { file, ...lineCol(text, first?.offset ?? 0) }, expected: `a ${kind.what} (JSON)`, hint: kind.hint }));
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const counter = new LineCounter();
  const positions = new PositionIndex(file, parseDocument(text, { lineCounter: counter }), counter, text);
  const diags = issuesToDiagnostics(parsed.error.issues, schema, data, positions).map((d) => ({ ...d, code: d.code.replace(/^spec\//, `${kind.code}/`), hint: kind.hint }));
  throw new GonogoError(sortDiagnostics(diags).slice(0, 5));
}


const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'a word or character JSON does not know (texts need double quotes)',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes is missing (or a comma before a closing brace)',
  ValueExpected: 'a value is missing',
  ColonExpected: 'a colon is missing after a key',
  CommaExpected: 'a comma is missing',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'something follows the end of the JSON',
  UnexpectedEndOfString: 'a text is never closed with "',
  InvalidCharacter: 'a control character inside a text',
  InvalidEscapeCharacter: 'a backslash escape JSON does not know',
  InvalidUnicode: 'a malformed \\u escape',
};
