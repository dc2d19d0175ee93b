// deck folder → Spec, every node keeping its YAML line:col. Errors name file:line:col, field, expectation, hint.
import { isAbsolute, join, relative, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { isMap, isScalar, isSeq, parseDocument, LineCounter, type Document } from 'yaml';
import { errorDiag, GonogoError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { spec as specSchema, type Phase, type Spec } from './schema.js';
import { PositionIndex } from './positions.js';
import { fieldName, issuesToDiagnostics } from './issues.js';
import { yamlErrorToDiagnostic } from './yaml-errors.js';
import { checkReferences, isCalendarDate } from './references.js';
import { readUserText } from './source-file.js';

export const SPEC_FILE = 'gonogo.yaml';

export interface LoadedSpec {
  spec: Spec;
  /** The deck folder, absolute. */
  dir: string;
  /** The spec file as shown in messages (relative to the working directory). */
  file: string;
  positions: PositionIndex;
  /** Warnings (errors throw). */
  diagnostics: Diagnostic[];
}

/** Accepts a deck folder or the spec file itself. */
export function resolveSpecPath(target: string, cwd: string = process.cwd()): { dir: string; path: string } {
  const abs = resolve(cwd, target);
  if (existsSync(abs) && statSync(abs).isDirectory()) return { dir: abs, path: join(abs, SPEC_FILE) };
  return { dir: resolve(abs, '..'), path: abs };
}

export interface LoadOptions {
  /** Build this phase instead of the spec's own `phase:` (gonogo build --phase), e.g. to preview a pilot's readout. */
  phase?: Phase;
}

export async function loadSpec(target: string, cwd: string = process.cwd(), opts: LoadOptions = {}): Promise<LoadedSpec> {
  const { dir, path } = resolveSpecPath(target, cwd);
  const shown = relative(cwd, path) || path;
  const asked = relative(cwd, resolve(cwd, target)) || '.';
  // A path that does not exist at all: name it as typed, not its parent folder.
  if (!existsSync(resolve(cwd, target)))
    throw new GonogoError(
      errorDiag('spec/missing-file', `no ${SPEC_FILE} at ${asked}: the path does not exist`, {
        expected: `a deck folder with ${SPEC_FILE}, or the path of a spec file`,
        hint: `check the path; create a new deck with: gonogo init ${asked}`,
      }),
    );
  if (!existsSync(path))
    throw new GonogoError(
      errorDiag('spec/missing-file', `no ${SPEC_FILE} in ${relative(cwd, dir) || '.'}`, {
        expected: `a deck folder with ${SPEC_FILE}, or the path of a spec file`,
        hint: `a deck folder holds ${SPEC_FILE}; create one with: gonogo init ${relative(cwd, dir) || '.'}`,
      }),
    );
  const text = await readUserText(path, 'spec', undefined, shown);
  return parseSpecText(text, shown, dir, opts);
}

export function parseSpecText(text: string, file: string, dir: string, opts: LoadOptions = {}): LoadedSpec {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  const positions = new PositionIndex(file, doc, counter, text);
  // Only the first: the yaml library's later errors are mostly echoes of the first one.
  if (doc.errors.length > 0) throw new GonogoError(yamlErrorToDiagnostic(doc.errors[0], text, positions));
  // Unknown tags (!secret, !!js/function) would silently become plain texts: a spec holds plain values only.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag)
    throw new GonogoError(
      errorDiag('spec/yaml', `YAML tag ${text.slice(tag.pos[0], tag.pos[1])} is not supported`, { pos: positions.offset(tag.pos[0], tag.pos[1] - tag.pos[0]), expected: 'a plain value (text, number, list or mapping)', hint: 'remove the tag; secrets belong in the environment, not the spec' }),
    );
  const controls = controlCharacters(doc, text, positions);
  if (controls.length) throw new GonogoError(controls);
  const data: unknown = toPlainData(doc, text, positions);
  if (data === null || data === undefined)
    throw new GonogoError(
      errorDiag('spec/empty', `${file} holds no settings (only comments or blank lines)`, {
        pos: { file, line: 1, col: 1 },
        expected: 'a mapping: deck:, decision:, metrics:, criteria: …',
        hint: 'run gonogo init to see a commented example spec',
      }),
    );
  if (typeof data !== 'object' || Array.isArray(data))
    throw new GonogoError(
      errorDiag('spec/shape', `${file} should hold a mapping (deck:, decision:, metrics:, criteria: …), not ${Array.isArray(data) ? 'a list' : 'a single value'}`, {
        pos: positions.at([]),
        expected: 'top-level keys such as deck:, decision:, metrics:, criteria:',
        hint: /\.ya?ml$/i.test(file) ? 'run gonogo init to see a commented example spec' : `${file} does not look like a spec: give the deck folder, or its ${SPEC_FILE}`,
      }),
    );
  const parsed = specSchema.safeParse(data);
  if (!parsed.success) throw new GonogoError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, specSchema, data, positions)));
  if (opts.phase) parsed.data.phase = opts.phase;
  const diagnostics = [...checkReferences(parsed.data, positions), ...checkDataFiles(parsed.data, dir, positions)];
  const phaseDate = phaseDateOf(parsed.data);
  if (phaseDate && !isCalendarDate(phaseDate.date))
    diagnostics.push(errorDiag('spec/value', `${phaseDate.path.join('.')} ${phaseDate.date} is not a date in the calendar`, { field: phaseDate.path.join('.'), expected: 'a real date as YYYY-MM-DD', hint: 'check the month (01–12) and the day', pos: positions.at(phaseDate.path) }));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new GonogoError(sortDiagnostics(errors));
  // A pilot's interim report and readout carry their own date (cover, file timestamps) when the spec gives one.
  const spec = phaseDate ? { ...parsed.data, deck: { ...parsed.data.deck, date: phaseDate.date } } : parsed.data;
  return { spec, dir, file, positions, diagnostics: sortDiagnostics(diagnostics) };
}

/** doc.toJS() throws on an undefined alias (*name) or an alias bomb: both are the user's mistake. */
function toPlainData(doc: Document.Parsed, text: string, positions: PositionIndex): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const msg = String((err as Error).message);
    const name = /Unresolved alias.*: (\S+)/.exec(msg)?.[1];
    const at = name ? text.search(new RegExp(`\\*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`)) : text.search(/(?<=^|[\s[{,])\*[\w-]/m);
    const pos = positions.offset(Math.max(0, at), (name?.length ?? 0) + 1);
    throw new GonogoError(
      name
        ? errorDiag('spec/yaml', `YAML alias *${name} names no anchor`, { pos, expected: `an anchor &${name} earlier in the file`, hint: 'define the anchor before the alias, or write the value out' })
        : errorDiag('spec/yaml', 'YAML aliases expand to too many values', { pos, expected: 'at most 100 alias expansions', hint: 'write the values out instead of nesting aliases' }),
    );
  }
}

function phaseDateOf(spec: Spec): { date: string; path: string[] } | undefined {
  const date = spec.phase === 'interim' ? spec.interim?.date : spec.phase === 'final' ? spec.final?.date : undefined;
  return date ? { date, path: [spec.phase, 'date'] } : undefined;
}

/** The metrics file this phase reads: the phase's own (interim.metrics_file, final.metrics_file), else metrics_file. */
export function phaseMetricsFile(spec: Spec): { file: string; path: string[] } | undefined {
  const own = spec.phase === 'interim' ? spec.interim?.metrics_file : spec.phase === 'final' ? spec.final?.metrics_file : undefined;
  if (own) return { file: own, path: [spec.phase, 'metrics_file'] };
  return spec.metrics_file ? { file: spec.metrics_file, path: ['metrics_file'] } : undefined;
}

/**
 * The metrics file the build reads must lie inside the deck folder: a build reads only what the deck folder holds.
 * Another phase's file is checked when that phase is built (a pilot's readout data need not exist at design).
 */
function checkDataFiles(spec: Spec, dir: string, positions: PositionIndex): Diagnostic[] {
  const data = phaseMetricsFile(spec);
  return data ? checkDataFile(data.file, data.path, dir, positions) : [];
}

function checkDataFile(file: string, path: string[], dir: string, positions: PositionIndex): Diagnostic[] {
  const abs = resolve(dir, file);
  const rel = relative(dir, abs);
  const field = path.join('.');
  const at = { field, pos: positions.at(path) };
  if (rel.startsWith('..') || isAbsolute(rel))
    return [errorDiag('spec/path', `${field} "${file}" lies outside the deck folder`, { ...at, expected: 'a path inside the deck folder, e.g. metrics.csv', hint: 'copy the file into the deck folder so the deck builds from what git holds' })];
  if (!existsSync(abs))
    return [errorDiag('spec/path', `${field} names ${file}, which is not in the deck folder`, { ...at, expected: 'a CSV or JSON file in the deck folder', hint: `check the file name: ${field} names the precomputed metrics (CSV or JSON) kept beside gonogo.yaml` })];
  if (statSync(abs).isDirectory()) return [errorDiag('spec/path', `${field} names ${file}, which is a folder`, { ...at, expected: 'a CSV or JSON file', hint: 'point at the file inside it' })];
  return [];
}

/** Text values with control characters (other than tab and newline) would corrupt the deck's XML: refuse them where they are. */
function controlCharacters(doc: Document.Parsed, text: string, positions: PositionIndex): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (out.length >= 5) return;
    if (isMap(node)) for (const p of node.items) walk(p.value, [...path, isScalar(p.key) ? String(p.key.value) : '?']);
    else if (isSeq(node)) node.items.forEach((n, i) => walk(n, [...path, i]));
    else if (isScalar(node) && typeof node.value === 'string') {
      const m = CONTROL.exec(node.value);
      if (!m) return;
      const [start, end] = node.range!;
      const raw = text.slice(start, end).indexOf(m[0]);
      const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      out.push(
        errorDiag('spec/control-character', `${fieldName(path)} contains the control character ${code}`, {
          field: fieldName(path),
          expected: 'printable text (tabs and line breaks are fine)',
          hint: `remove the invisible ${code} character (often pasted from a terminal or PDF)`,
          pos: positions.offset(raw >= 0 ? start + raw : start, 1),
        }),
      );
    }
  };
  walk(doc.contents, []);
  return out;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
