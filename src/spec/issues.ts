// zod issues → Diagnostics in words a lead understands, pointing into the YAML.
import type { z } from 'zod';
import { closest, errorDiag, type Diagnostic } from '../diagnostics.js';
import type { FieldPath, PositionIndex } from './positions.js';
import { NOT_BLANK } from './schema.js';

type Issue = z.core.$ZodIssue;

export function fieldName(path: FieldPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(top level)';
}

export function valueAt(data: unknown, path: FieldPath): unknown {
  let v = data;
  for (const seg of path) v = v == null ? undefined : (v as Record<string | number, unknown>)[seg];
  return v;
}

/** Invisible characters (zero-width space, BOM, controls) written as \u{…} so the message shows what is wrong. */
function visible(s: string): string {
  return s.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${visible(value.length > 40 ? value.slice(0, 40) + '…' : value)}"`;
  return `${typeof value} ${String(value)}`;
}

/** The keys that start each kind of criterion rule. */
const RULE_KEYS = ['metric', 'guardrails', 'data_gap', 'no_segment'];

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  record: 'a mapping of ids to entries',
  int: 'a whole number',
};

/** Walks a zod schema along a path of the user's data (unwrapping optional/default/union). */
function schemaAt(schema: z.ZodType, path: FieldPath, data: unknown): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; i <= path.length && s; i++) {
    s = unwrap(s, valueAt(data, path.slice(0, i)));
    if (i === path.length || !s) break;
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') s = (def.shape as Record<string, z.ZodType>)[String(path[i])];
    else if (def.type === 'array') s = def.element as z.ZodType;
    else if (def.type === 'record') s = def.valueType as z.ZodType;
    else s = undefined;
  }
  return s;
}

function unwrap(s: z.ZodType, value: unknown): z.ZodType {
  for (;;) {
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') s = def.innerType as z.ZodType;
    else if (def.type === 'pipe') s = def.in as z.ZodType;
    else if (def.type === 'union') s = bestOption(def.options as z.ZodType[], value);
    else return s;
  }
}

/** The union option whose keys overlap most with what the user wrote. */
function bestOption(options: z.ZodType[], value: unknown): z.ZodType {
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  let best = options[0];
  let bestScore = -1;
  for (const o of options) {
    const shape = objectKeys(o);
    const score = keys.filter((k) => shape.includes(k)).length;
    if (score > bestScore) {
      best = o;
      bestScore = score;
    }
  }
  return best;
}

export function objectKeys(s: z.ZodType | undefined): string[] {
  if (!s) return [];
  const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'optional' || def.type === 'default') return objectKeys(def.innerType as z.ZodType);
  return [];
}

/** Picks, for a union, the branch whose errors say the most specific thing. */
function flattenUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branches = (issue as unknown as { errors: Issue[][] }).errors;
  if (!branches?.length) return [issue];
  const scored = branches.map((b) => ({ b, score: b.filter((i) => i.code === 'unrecognized_keys').length * 10 + b.length }));
  scored.sort((x, y) => x.score - y.score);
  const base = issue.path;
  return scored[0].b.flatMap((i) => flattenUnion({ ...i, path: [...base, ...i.path] } as Issue));
}

export function issuesToDiagnostics(issues: readonly Issue[], schema: z.ZodType, data: unknown, positions: PositionIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues.flatMap(flattenUnion)) {
    const path = issue.path as (string | number)[];
    const field = fieldName(path);
    const got = valueAt(data, path);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = objectKeys(schemaAt(schema, path, data));
        for (const key of issue.keys) {
          const guess = closest(key, known);
          out.push(
            errorDiag('spec/unknown-key', `unknown key "${key}" ${path.length ? `in ${field}` : 'at the top level'}`, {
              field: fieldName([...path, key]),
              expected: known.length ? `one of: ${known.join(', ')}` : undefined,
              hint: guess
                ? `did you mean "${guess}"?`
                : RULE_KEYS.includes(key) && path.some((p) => p === 'all' || p === 'any')
                  ? `each rule is its own "- " item: start ${key}: on a new line with "- "`
                : /\s/.test(key)
                  ? 'inside { … } a comma starts a new key: quote texts that contain commas'
                  : 'remove it, or check the spelling against gonogo schema',
              pos: positions.at([...path, key], 'key'),
            }),
          );
        }
        break;
      }
      case 'invalid_type': {
        const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
        const missing = got === undefined;
        if (missing) {
          out.push(missingKey(path, expected, positions));
          break;
        }
        if (typeof got === 'number' && !Number.isFinite(got)) {
          out.push(errorDiag('spec/type', `${field} should be a finite number, not ${Number.isNaN(got) ? '.nan (not a number)' : 'infinity'}`, { field, expected: 'a finite number', hint: 'write the number itself; YAML reads .nan, .inf and numbers like 1e400 as not finite', pos: positions.at(path) }));
          break;
        }
        out.push(
          errorDiag('spec/type', `${field} should be ${expected}, not ${describe(got)}`, {
            field,
            expected,
            hint: hintForType(issue.expected, got, path),
            pos: positions.at(path),
          }),
        );
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map(String);
        if (got === undefined) {
          out.push(missingKey(path, `one of: ${values.join(', ')}`, positions));
          break;
        }
        const guess = typeof got === 'string' ? closest(got, values) : undefined;
        out.push(
          errorDiag('spec/value', `${field} should be one of ${values.join(', ')}, not ${describe(got)}`, {
            field,
            expected: `one of: ${values.join(', ')}`,
            hint: guess ? `did you mean "${guess}"?` : `write one of the listed words exactly, in lower case`,
            pos: positions.at(path),
          }),
        );
        break;
      }
      default: {
        out.push(
          errorDiag('spec/invalid', `${field}: ${plainMessage(issue, got)}`, {
            field,
            expected: expectedFor(issue),
            hint: hintFor(issue, got),
            pos: positions.at(path),
          }),
        );
      }
    }
  }
  return mergeMissing(dropMissingExplainedByTypo(out));
}

/** Several required keys missing from one mapping: one message naming them all, not one message each. */
function mergeMissing(diags: Diagnostic[]): Diagnostic[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diags) if (d.code === 'spec/missing') groups.set(parentOf(d.field!), [...(groups.get(parentOf(d.field!)) ?? []), d]);
  const out: Diagnostic[] = [];
  for (const d of diags) {
    if (d.code !== 'spec/missing') {
      out.push(d);
      continue;
    }
    const group = groups.get(parentOf(d.field!))!;
    if (group.length === 1) out.push(d);
    else if (group[0] === d) {
      const parent = parentOf(d.field!);
      const keys = group.map((g) => g.field!.slice(parent ? parent.length + 1 : 0));
      const list = `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
      out.push({ ...d, field: parent || '(top level)', message: `${parent || 'the top level'} is missing ${list}`, expected: `the keys ${list}`, hint: `add ${keys.map((k) => `${k}:`).join(', ')} ${parent ? `to ${parent}` : 'at the top level'}` });
    }
  }
  return out;
}

function parentOf(field: string): string {
  return field.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
}

function missingKey(path: (string | number)[], expected: string, positions: PositionIndex): Diagnostic {
  const parent = path.slice(0, -1);
  const pos = positions.at(parent);
  return errorDiag('spec/missing', `${fieldName(path)} is required`, {
    field: fieldName(path),
    expected,
    hint: `add ${String(path[path.length - 1])}: ${parent.length ? `to ${fieldName(parent)}` : 'at the top level'}`,
    pos: { ...pos, length: 1 },
  });
}

/** "beter: x" yields an unknown key and a missing "better": one message (the did-you-mean) says both. */
function dropMissingExplainedByTypo(diags: Diagnostic[]): Diagnostic[] {
  const typos = new Set(
    diags
      .filter((d) => d.code === 'spec/unknown-key' && d.hint?.startsWith('did you mean'))
      .map((d) => {
        const parent = d.field!.includes('.') ? d.field!.replace(/\.[^.]+$/, '') + '.' : '';
        return `${parent}${/"(.+)"/.exec(d.hint!)![1]}`;
      }),
  );
  return diags.filter((d) => !(d.code === 'spec/missing' && typos.has(d.field!)));
}

function plainMessage(issue: Issue, got: unknown): string {
  if (issue.code === 'too_small') {
    if (issue.origin === 'array') return `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
    if (issue.origin === 'string') return 'must not be empty';
    return `${describe(got)} is too small (must be ${issue.inclusive ? '≥' : '>'} ${issue.minimum})`;
  }
  if (issue.code === 'custom' && issue.message === NOT_BLANK) return 'the text is blank (only spaces)';
  if (issue.code === 'too_big') return `${describe(got)} is too large (must be ${issue.inclusive ? '≤' : '<'} ${issue.maximum})`;
  if (issue.code === 'invalid_format') return `${describe(got)} is not ${issue.message ?? issue.format}`;
  return issue.message.replace(/^Invalid input: /, '');
}

function expectedFor(issue: Issue): string | undefined {
  if (issue.code === 'too_small' && issue.origin === 'number') return `a number ${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `a list with at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'a non-empty text';
  if (issue.code === 'too_big' && issue.origin === 'number') return `a number ${issue.inclusive ? '≤' : '<'} ${issue.maximum}`;
  if (issue.code === 'invalid_format') return issue.message;
  if (issue.code === 'custom') return issue.message;
  return undefined;
}

function hintFor(issue: Issue, got: unknown): string | undefined {
  if (issue.code === 'too_big' && typeof got === 'number' && got > 1 && got < 100 && issue.path.includes('confidence'))
    return `did you mean ${got / 100}? Confidence is a fraction, e.g. 0.90`;
  if (issue.code === 'too_big' && Number(issue.maximum) === 1 && typeof got === 'number' && got > 1 && got <= 100)
    return `did you mean ${got / 100}? ${fieldName(issue.path as FieldPath)} is a fraction between 0 and 1`;
  if ((issue.code === 'too_big' || issue.code === 'too_small') && issue.path.includes('confidence')) return 'a confidence level strictly between 0 and 1, e.g. 0.90';
  if (issue.code === 'too_small' && issue.origin === 'array') return 'add at least one "- " item under this key';
  if (issue.code === 'too_small' || issue.code === 'too_big') return 'check the number and its unit';
  if (issue.code === 'invalid_format' && typeof got === 'string' && visible(got) !== got) return 'the text holds an invisible character (shown as \\u{…}): delete and retype it';
  if (issue.code === 'invalid_format' && issue.path.includes('colors')) return 'write a colour as six hex digits in quotes, e.g. "#0B5CAD" (unquoted, # starts a YAML comment)';
  if (issue.code === 'invalid_format' && issue.path.at(-1) === 'date') return 'write the date as YYYY-MM-DD, e.g. 2026-11-20';
  if (issue.code === 'invalid_format') return 'e.g. ttfq_median, hire_rate_7d or A';
  if (issue.code === 'custom' && issue.message === NOT_BLANK) return 'write the text, or remove the key when it is optional';
  if (issue.code === 'custom' && /all or any/.test(issue.message)) return 'all: needs every rule to hold, any: needs one; keep one of them (split into two criteria if you need both)';
  if (issue.code === 'custom' && /at_least or at_most/.test(issue.message)) return 'e.g. { at_least: -1.0pp } or { at_most: -5% }';
  return undefined;
}

function hintForType(expected: string, got: unknown, path: FieldPath): string | undefined {
  const percent = typeof got === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(got) : null;
  if (path.includes('colors') && got === null) return 'write a colour as six hex digits in quotes, e.g. "#0B5CAD" (unquoted, # starts a YAML comment)';
  if (expected === 'number' && percent && path.includes('confidence')) return `write ${Number(percent[1]) / 100}: a confidence level is a fraction, e.g. 0.90`;
  if (expected === 'number' && typeof got === 'string') return 'write the number without quotes or units; units go in the metric\'s unit field';
  if (expected === 'array' && (typeof got === 'string' || typeof got === 'object')) return 'write a YAML list: one "- item" per line, or [a, b]';
  if (expected === 'string' && got === null) return 'the value is empty: write a text after the colon, or remove the key';
  if (expected === 'string' && (typeof got === 'number' || typeof got === 'boolean')) return `YAML reads ${String(got)} as a ${typeof got}: put it in quotes to make it a text`;
  if (expected === 'object' && typeof got === 'string') return 'indent the fields under this key, one "name: value" per line';
  if (expected === 'boolean' && typeof got === 'string') return 'write true or false (YAML 1.2 reads yes, no, on and off as texts)';
  if (expected === 'int' && typeof got === 'number') return `write a whole number, e.g. ${Math.round(got)}`;
  return undefined;
}
