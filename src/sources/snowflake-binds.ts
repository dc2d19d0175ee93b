// Named binds (:name) for Snowflake: snowflake-sdk only takes positional arrays, so `:name` becomes `:N`.
// Written by hand because no SQL library knows Snowflake's `col:path` syntax, which must stay untouched.
import { errorDiag, GonogoError } from '../diagnostics.js';
import type { SqlValue } from './engine.js';

export interface PositionalQuery {
  sql: string;
  binds: SqlValue[];
}

/** `:name` outside quotes and comments, not `::` and not a path step like `payload:user` (identifier before the colon). */
export function toPositional(sql: string, binds: SqlValue[] | Record<string, SqlValue> | undefined): PositionalQuery {
  if (binds === undefined) return { sql, binds: [] };
  if (Array.isArray(binds)) return { sql, binds };
  const order: string[] = [];
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const two = sql.slice(i, i + 2);
    let end = i + 1;
    if (ch === "'" || ch === '"') end = skipQuoted(sql, i, ch);
    else if (two === '--') end = indexOrEnd(sql, '\n', i);
    else if (two === '/*') end = Math.min(sql.length, indexOrEnd(sql, '*/', i + 2) + 2);
    else if (two === '$$') end = Math.min(sql.length, indexOrEnd(sql, '$$', i + 2) + 2);
    else if (two === '::') end = i + 2;
    else if (ch === ':' && !/[A-Za-z0-9_$\])"]/.test(sql[i - 1] ?? ' ')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))?.[0];
      if (name) {
        const key = Object.keys(binds).find((k) => k === name) ?? Object.keys(binds).find((k) => k.toLowerCase() === name.toLowerCase());
        if (key === undefined) {
          throw new GonogoError(
            errorDiag('snowflake/missing-bind', `the query uses :${name} but no value named "${name}" was given`, {
              expected: `one of: ${Object.keys(binds).join(', ') || '(no binds)'}`,
            }),
          );
        }
        if (!order.includes(key)) order.push(key);
        out += `:${order.indexOf(key) + 1}`;
        i += 1 + name.length;
        continue;
      }
    }
    out += sql.slice(i, end);
    i = end;
  }
  return { sql: out, binds: order.map((k) => binds[k]) };
}

function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === '\\' && quote === "'") i += 2;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

function indexOrEnd(sql: string, token: string, from: number): number {
  const at = sql.indexOf(token, from);
  return at === -1 ? sql.length : at;
}
