// deck folder → Spec, every node keeping its YAML line:col. Errors name file:line:col, field, expectation, hint.
import { join, relative, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { stringify } from 'yaml';
import { closest, errorDiag, GonogoError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { spec as specSchema, type Phase, type WrittenSpec } from './schema.js';
import type { Spec } from './normalized.js';
import { normalizeSpec } from './normalize.js';
import type { PositionIndex } from './positions.js';
import { issuesToDiagnostics, objectKeys } from './issues.js';
import { readYaml } from './yaml-read.js';
import { checkReferences, isCalendarDate } from './references.js';
import { readUserText } from './source-file.js';
import { resolveDeckFile } from './deck-path.js';

export const SPEC_FILE = 'gonogo.yaml';

export interface LoadedSpec {
  /** The spec normalized: what every later stage reads. */
  spec: Spec;
  /** The spec as written (zod-validated), for messages and `gonogo validate --normalized`. */
  written: WrittenSpec;
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
  /** --allow-outside-deck: files the spec names may lie outside the deck folder. */
  allowOutsideDeck?: boolean;
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
  const { data, positions } = readYaml(text, file);
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
  // Another YAML file given as the deck (a theme, a CI config) would yield a page of unknown keys: say what it is.
  const keys = Object.keys(data);
  const known = objectKeys(specSchema);
  if (keys.length > 0 && !keys.some((k) => known.includes(k) || closest(k, known)))
    throw new GonogoError(
      errorDiag('spec/shape', `${file} does not look like a decision spec: none of its keys (${keys.slice(0, 3).map((k) => k.slice(0, 30)).join(', ')}${keys.length > 3 ? ', …' : ''}) is a spec key`, {
        pos: positions.at([]),
        expected: 'top-level keys such as deck:, decision:, metrics:, criteria:',
        hint: `give the deck folder, or its ${SPEC_FILE}; run gonogo init to see a commented example spec`,
      }),
    );
  const parsed = specSchema.safeParse(data);
  if (!parsed.success) throw new GonogoError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, specSchema, data, positions)));
  if (opts.phase) parsed.data.phase = opts.phase;
  const diagnostics = [...checkReferences(parsed.data, positions), ...checkDataFiles(parsed.data, dir, positions, opts)];
  const phaseDate = phaseDateOf(parsed.data);
  if (phaseDate && !isCalendarDate(phaseDate.date))
    diagnostics.push(errorDiag('spec/value', `${phaseDate.path.join('.')} ${phaseDate.date} is not a date in the calendar`, { field: phaseDate.path.join('.'), expected: 'a real date as YYYY-MM-DD', hint: 'check the month (01–12) and the day', pos: positions.at(phaseDate.path) }));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new GonogoError(sortDiagnostics(errors));
  // A pilot's interim report and readout carry their own date (cover, file timestamps) when the spec gives one.
  const written = phaseDate ? { ...parsed.data, deck: { ...parsed.data.deck, date: phaseDate.date } } : parsed.data;
  const normalized = normalizeSpec(written, positions);
  const wrong = normalized.diagnostics.filter((d) => d.severity === 'error');
  if (wrong.length) throw new GonogoError(sortDiagnostics(wrong));
  return { spec: normalized.spec, written, dir, file, positions, diagnostics: sortDiagnostics([...diagnostics, ...normalized.diagnostics]) };
}

/** A spec given as data (tests, scripts): written out as YAML and loaded like a file, normalization and all. */
export function specFromData(data: unknown, dir: string = process.cwd(), file = 'spec.yaml'): Spec {
  return parseSpecText(stringify(data), file, dir).spec;
}

function phaseDateOf(spec: WrittenSpec): { date: string; path: string[] } | undefined {
  const date = spec.phase === 'interim' ? spec.interim?.date : spec.phase === 'final' ? spec.final?.date : undefined;
  return date ? { date, path: [spec.phase, 'date'] } : undefined;
}

/** The metrics file this phase reads: the phase's own (interim.metrics_file, final.metrics_file), else metrics_file. */
export function phaseMetricsFile(spec: Pick<WrittenSpec, 'phase' | 'interim' | 'final' | 'metrics_file'>): { file: string; path: string[] } | undefined {
  const own = spec.phase === 'interim' ? spec.interim?.metrics_file : spec.phase === 'final' ? spec.final?.metrics_file : undefined;
  if (own) return { file: own, path: [spec.phase, 'metrics_file'] };
  return spec.metrics_file ? { file: spec.metrics_file, path: ['metrics_file'] } : undefined;
}

/**
 * The metrics file the build reads must lie inside the deck folder (symlinks resolved): a build reads only what the
 * deck folder holds. Another phase's file is checked when that phase is built (a pilot's readout data need not exist
 * at design).
 */
function checkDataFiles(spec: WrittenSpec, dir: string, positions: PositionIndex, opts: LoadOptions): Diagnostic[] {
  const data = phaseMetricsFile(spec);
  if (!data) return [];
  try {
    resolveDeckFile({ deckDir: dir, base: dir, path: data.file, field: data.path.join('.'), pos: positions.at(data.path), what: 'a CSV or JSON file in the deck folder, e.g. metrics.csv', allowOutside: opts.allowOutsideDeck });
    return [];
  } catch (err) {
    if (err instanceof GonogoError) return err.diagnostics;
    throw err;
  }
}
