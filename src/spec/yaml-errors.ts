// The yaml library's errors → one message in a lead's words, pointing at the character to fix.
// The library often notices a mistake a line or more after it was made (an unclosed "[" is reported
// at the next key); these rules move the caret back to where the fix goes.
import type { YAMLError } from 'yaml';
import { errorDiag, type Diagnostic } from '../diagnostics.js';
import type { PositionIndex } from './positions.js';

export function yamlErrorToDiagnostic(e: YAMLError, text: string, positions: PositionIndex): Diagnostic {
  const message = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const [start, end] = e.pos;
  const diag = (what: string, offset: number, length: number, hint: string) =>
    errorDiag('spec/yaml', `YAML syntax error: ${what}`, { pos: positions.offset(offset, Math.max(1, length)), expected: 'valid YAML', hint });

  const closer = /end with an? ([\]}])/.exec(message)?.[1];
  if (closer) {
    const opener = closer === ']' ? '[' : '{';
    const at = unclosedOpener(text, start, opener, closer);
    if (at !== undefined)
      return diag(`this "${opener}" is never closed`, at, 1, `close it with "${closer}" on the same line, or write one "- item" per line without brackets`);
  }
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(start))![0].trim();
    return diag(`the key "${key}" appears twice in the same mapping`, start, key.length, 'keep one of them (YAML keeps no duplicates; gonogo will not guess which you meant)');
  }
  if (e.code === 'TAB_AS_INDENT') return diag('a tab is used for indentation', start, 1, 'YAML indentation uses spaces, not tabs: replace the tab with spaces');
  if (/multiple documents/.test(message))
    return diag('a second YAML document starts here ("---"); a spec is one document', start, end - start, 'remove the --- line (and merge what follows), or move the second document to its own deck folder');
  if (/Missing closing/.test(message)) {
    const q = /"quote/.test(message) ? '"' : "'";
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    // the last quote on the line that opens a text (preceded by a space, "[", "{", "," or ":")
    const last = [...text.slice(lineStart, start).matchAll(new RegExp(`(^|[\\s\\[{,:])${q}`, 'g'))].at(-1);
    const at = last ? lineStart + last.index + last[0].length - 1 : start;
    return diag(`this ${q} is never closed`, at, 1, 'close the quote on the same line, or remove the quotes');
  }
  if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'MULTILINE_IMPLICIT_KEY' || /need to be followed by map values/.test(message)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
    const line = text.slice(lineStart, lineEnd);
    const colon = text.slice(start, lineEnd).search(/:(\s|$)/);
    const first = lineStart + /^[\s-]*/.exec(line)![0].length;
    // "key: Note: daily": the error sits in a value that itself holds ": "
    if (colon >= 0 && /:\s/.test(text.slice(lineStart, start)))
      return diag('this value contains ": ", which YAML reads as a nested key', start + colon, 1, 'quote the whole text, e.g. "Note: daily", when it contains ": " or " #"');
    const next = /:\s/.test(text.slice(lineStart, start)) ? deeperLine(text, start, lineEnd) : undefined;
    if (next !== undefined)
      return diag('this line is indented deeper than the key above it', next, 1, 'align it with its sibling keys (same number of spaces), or indent it under a key that ends with ":"');
    if (!/:(\s|$)/.test(line))
      return diag('this line has no ":", so YAML reads it as part of a key', first, lineEnd - first, 'write it as "key: value", or remove the line');
    return diag('this line is indented differently from the lines around it', first, 1, 'keys of one mapping, and the "- " items of one list, start in the same column');
  }
  if (e.code === 'BAD_INDENT' || e.code === 'MISSING_CHAR')
    return diag(message, start, end - start, 'check the indentation: nested keys need consistent spaces (no tabs)');
  return diag(message, start, end - start, 'quote texts that contain ": ", " #", "[" or "{"');
}

/** Offset of the last "[" (or "{") before `offset` that no "]" closes, outside quotes and comments. */
function unclosedOpener(text: string, offset: number, open: string, close: string): number | undefined {
  const stack: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote || c === '\n') quote = undefined;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < offset && text[i] !== '\n') i++;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]))) quote = c;
    else if (c === open) stack.push(i);
    else if (c === close) stack.pop();
  }
  return stack.pop();
}

/** When a plain value runs onto the next line because that line is indented too deep: that line's first character. */
function deeperLine(text: string, start: number, lineEnd: number): number | undefined {
  if (lineEnd >= text.length) return undefined;
  const next = text.slice(lineEnd + 1).split('\n')[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = (s: string) => /^[ -]*/.exec(s)![0].length;
  if (/: |:$/.test(next) && indent(next) > indent(text.slice(lineStart, lineEnd))) return lineEnd + 1 + /^ */.exec(next)![0].length;
  return undefined;
}
