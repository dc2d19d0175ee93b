// A user's YAML file (the spec, a theme file) → plain data and positions, or one located error: syntax, tags,
// aliases, characters no deck can hold, and texts or lists past gonogo's limits are refused here, before the
// schema or any later stage sees them.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { errorDiag, GonogoError, type Diagnostic } from '../diagnostics.js';
import { MAX_LIST_ITEMS, MAX_TEXT_CHARS } from '../limits.js';
import { unsafeChar } from '../xml-text.js';
import { PositionIndex } from './positions.js';
import { fieldName } from './issues.js';
import { yamlErrorToDiagnostic } from './yaml-errors.js';

export interface ReadYaml {
  data: unknown;
  positions: PositionIndex;
}

/** `codes` prefixes the diagnostic codes: 'spec' (spec/yaml …) or 'theme'. */
export function readYaml(text: string, file: string, codes: 'spec' | 'theme' = 'spec'): ReadYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  const positions = new PositionIndex(file, doc, counter, text);
  const recode = (d: Diagnostic): Diagnostic => ({ ...d, code: d.code.replace(/^spec\//, `${codes}/`) });
  // Only the first: the yaml library's later errors are mostly echoes of the first one.
  if (doc.errors.length > 0) throw new GonogoError(recode(yamlErrorToDiagnostic(doc.errors[0], text, positions)));
  // Unknown tags (!secret, !!js/function) would silently become plain texts: a spec holds plain values only.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag)
    throw new GonogoError(
      errorDiag(`${codes}/yaml`, `YAML tag ${text.slice(tag.pos[0], Math.min(tag.pos[1], tag.pos[0] + 40))} is not supported`, { pos: positions.offset(tag.pos[0], tag.pos[1] - tag.pos[0]), expected: 'a plain value (text, number, list or mapping)', hint: 'remove the tag; secrets belong in the environment, not the spec' }),
    );
  const problems = checkNodes(doc, text, positions).map(recode);
  if (problems.length) throw new GonogoError(problems);
  return { data: toPlainData(doc, text, positions, codes), positions };
}

/** doc.toJS() throws on an undefined alias (*name) or an alias bomb: both are the user's mistake. */
function toPlainData(doc: Document.Parsed, text: string, positions: PositionIndex, codes: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const msg = String((err as Error).message);
    const name = /Unresolved alias.*: (\S+)/.exec(msg)?.[1];
    const at = name ? text.search(new RegExp(`\\*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`)) : text.search(/(?<=^|[\s[{,])\*[\w-]/m);
    const pos = positions.offset(Math.max(0, at), (name?.length ?? 0) + 1);
    throw new GonogoError(
      name
        ? errorDiag(`${codes}/yaml`, `YAML alias *${name.slice(0, 40)} names no anchor`, { pos, expected: `an anchor &${name.slice(0, 40)} earlier in the file`, hint: 'define the anchor before the alias, or write the value out' })
        : errorDiag(`${codes}/yaml`, 'YAML aliases expand to too many values', { pos, expected: 'at most 100 alias expansions', hint: 'write the values out instead of nesting aliases' }),
    );
  }
}

/**
 * Keys and texts with characters no deck can hold (controls other than tab and newline, noncharacters, unpaired
 * surrogates) would corrupt the deck's XML; texts and lists past the limits would make layout run for minutes.
 * Refused where they are, at most five at a time.
 */
function checkNodes(doc: Document.Parsed, text: string, positions: PositionIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scalar = (node: unknown, path: (string | number)[], isKey: boolean) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const value = node.value;
    const field = fieldName(path);
    const [start, end] = node.range!;
    const bad = unsafeChar(value);
    if (bad) {
      // Point at the character when it is written raw; an escape (\u0007) is found by its code.
      const raw = text.slice(start, end);
      const offset = [raw.indexOf(String.fromCodePoint(value.codePointAt(bad.index)!)), raw.search(new RegExp(`\\\\(u0*|x0*)${bad.code.slice(2).replace(/^0+/, '')}`, 'i'))].find((i) => i >= 0);
      out.push(
        errorDiag('spec/control-character', `${isKey ? `a key in ${fieldName(path.slice(0, -1))}` : field} contains the ${bad.kind} ${bad.code}`, {
          field,
          expected: 'printable text (tabs and line breaks are fine)',
          hint: `remove the invisible ${bad.code} character (often pasted from a terminal or PDF)`,
          pos: positions.offset(offset === undefined ? start : start + offset, 1),
        }),
      );
    } else if (value.length > MAX_TEXT_CHARS)
      out.push(
        errorDiag('spec/too-long', `${field} is ${value.length.toLocaleString('en-US')} characters long, more than the ${MAX_TEXT_CHARS.toLocaleString('en-US')} gonogo takes in one text`, {
          field,
          expected: `a text of at most ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters`,
          hint: 'a slide shows a sentence or a paragraph: shorten it, or link to the full document',
          pos: positions.offset(start, 1),
        }),
      );
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (out.length >= 5) return;
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      if (items.length > MAX_LIST_ITEMS) {
        const first = items[MAX_LIST_ITEMS] as { key?: { range?: number[] }; range?: number[] };
        const range = (isMap(node) ? first.key?.range : first.range) ?? node.range!;
        const what = isMap(node) ? 'entries' : 'items';
        out.push(
          errorDiag('spec/too-many', `${fieldName(path)} has ${items.length.toLocaleString('en-US')} ${what}, more than the ${MAX_LIST_ITEMS} gonogo takes in one list`, {
            field: fieldName(path),
            expected: `at most ${MAX_LIST_ITEMS} ${what}`,
            hint: 'a deck is read in a meeting: keep the ones that matter to the decision, and link to the full register',
            pos: positions.offset(range[0], 1),
          }),
        );
        return;
      }
    }
    if (isMap(node))
      for (const p of node.items) {
        const key = isScalar(p.key) ? String(p.key.value) : '?';
        scalar(p.key, [...path, key], true);
        walk(p.value, [...path, key]);
      }
    else if (isSeq(node)) node.items.forEach((n, i) => walk(n, [...path, i]));
    else scalar(node, path, false);
  };
  walk(doc.contents, []);
  return out;
}
