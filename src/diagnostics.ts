// Diagnostics are data: stages return them, only the CLI prints them.

export type Severity = 'error' | 'warning' | 'info';

export interface SourcePosition {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  /** The source line itself, for the caret display. */
  lineText?: string;
  /** Length of the span to underline (at least 1). */
  length?: number;
}

export interface Diagnostic {
  /** Stable id, e.g. 'spec/unknown-key', 'metrics/ci-order'. */
  code: string;
  severity: Severity;
  message: string;
  /** Dotted field path inside the file, e.g. 'metrics[2].kind'. */
  field?: string;
  /** What was expected, in words. */
  expected?: string;
  hint?: string;
  pos?: SourcePosition;
}

/** Exit codes: 0 ok, 1 differences found (diff), 2 the user's mistake, 3 an outside system failed. */
export const EXIT = { ok: 0, differ: 1, usage: 2, external: 3, internal: 70 } as const;

/** An expected failure: carries diagnostics and the exit code the CLI returns. No stack trace is shown. */
export class GonogoError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;
  constructor(diagnostics: Diagnostic[] | Diagnostic, exitCode: number = EXIT.usage) {
    const list = Array.isArray(diagnostics) ? diagnostics : [diagnostics];
    super(list.map((d) => d.message).join('; '));
    this.name = 'GonogoError';
    this.diagnostics = list;
    this.exitCode = exitCode;
  }
}

export function errorDiag(code: string, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, ...extra };
}

/** Throws a GonogoError when any diagnostic is an error. */
export function throwIfErrors(diags: readonly Diagnostic[], exitCode: number = EXIT.usage): void {
  const errors = diags.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new GonogoError(sortDiagnostics(errors), exitCode);
}

export function sortDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => {
    const fa = a.pos?.file ?? '';
    const fb = b.pos?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0);
  });
}

/** esbuild-style text: `file:line:col: error: message`, the source line, a caret, then field/expected/hint. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.pos ? `${printable(d.pos.file)}:${d.pos.line}:${d.pos.col}: ` : '';
  const lines = [clip(`${where}${d.severity}: ${printable(d.message)}`)];
  if (d.pos?.lineText !== undefined) {
    const gutter = `${d.pos.line} | `;
    // One character for one: the caret stays under the column it points at.
    const { text, col } = clipLine(d.pos.lineText.replace(TERMINAL_CONTROLS, '\uFFFD').replace(/\t/g, ' '), d.pos.col);
    lines.push(`  ${gutter}${text}`);
    const width = Math.min(Math.max(1, d.pos.length ?? 1), text.length - col + 1);
    lines.push(`  ${' '.repeat(gutter.length + col - 1)}^${'~'.repeat(Math.max(0, width - 1))}`);
  }
  if (d.field) lines.push(clip(`  field: ${printable(d.field)}`));
  if (d.expected) lines.push(clip(`  expected: ${printable(d.expected)}`));
  if (d.hint) lines.push(clip(`  hint: ${printable(d.hint)}`));
  return lines.join('\n');
}

/** Characters a terminal acts on (escape sequences, bells, carriage returns) never reach it from a message. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029]/g;

function printable(s: string): string {
  return s.replace(TERMINAL_CONTROLS, (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);
}

/** A line of a message never runs past a screen width or two (a list of 200 ids in "expected"). */
function clip(line: string, max = 300): string {
  return line.length <= max ? line : line.slice(0, max - 1) + '…';
}

/** Diagnostics as printed: sorted as given, cut off with a count once they pass `budget` characters. */
export function formatDiagnostics(diags: readonly Diagnostic[], budget = 3_000): string[] {
  const out: string[] = [];
  let used = 0;
  for (const [i, d] of diags.entries()) {
    const text = formatDiagnostic(d);
    if (i > 0 && used + text.length > budget) {
      const rest = diags.slice(i);
      const errors = rest.filter((r) => r.severity === 'error').length;
      out.push(`… and ${rest.length} more (${errors} error${errors === 1 ? '' : 's'}): fix the ones above and run again`);
      break;
    }
    out.push(text);
    used += text.length + 1;
  }
  return out;
}

/** A long source line (a 10,000-character text) is shown as a window around the column, so the caret stays in view. */
function clipLine(text: string, col: number, max = 120): { text: string; col: number } {
  if (text.length <= max) return { text, col };
  const start = Math.max(0, Math.min(col - 1 - 40, text.length - max));
  const head = start > 0 ? '…' : '';
  const tail = start + max < text.length ? '…' : '';
  return { text: head + text.slice(start, start + max) + tail, col: col - start + head.length };
}

/** Did-you-mean: the closest candidate within a small edit distance. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  // A guess for a 10,000-character value would cost seconds and help no one.
  if (word.length > 200) return undefined;
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > limit) continue; // the distance is at least the difference in length
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== undefined && bestDist <= limit ? best : undefined;
}

/** Optimal string alignment distance: a swap of two neighbours ("medain" → "median") counts as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}
