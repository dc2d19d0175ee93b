// deck folder → Spec, every node keeping its YAML line:col. Errors name file:line:col, field, expectation, hint.
import { join, relative, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { parseDocument, LineCounter } from 'yaml';
import { errorDiag, GonogoError, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { spec as specSchema, type Spec } from './schema.js';
import { PositionIndex } from './positions.js';
import { issuesToDiagnostics } from './issues.js';
import { checkReferences } from './references.js';
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

export async function loadSpec(target: string, cwd: string = process.cwd()): Promise<LoadedSpec> {
  const { dir, path } = resolveSpecPath(target, cwd);
  const shown = relative(cwd, path) || path;
  if (!existsSync(path))
    throw new GonogoError(
      errorDiag('spec/missing-file', `no ${SPEC_FILE} in ${relative(cwd, dir) || '.'}`, {
        hint: `a deck folder holds ${SPEC_FILE}; create one with: gonogo init ${relative(cwd, dir) || '.'}`,
      }),
    );
  const text = await readUserText(path, 'spec');
  return parseSpecText(text, shown, dir);
}

export function parseSpecText(text: string, file: string, dir: string): LoadedSpec {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  const positions = new PositionIndex(file, doc, counter, text);
  if (doc.errors.length > 0) {
    throw new GonogoError(
      doc.errors.slice(0, 5).map((e) =>
        errorDiag('spec/yaml', `YAML syntax error: ${firstLine(e.message)}`, {
          pos: positions.offset(e.pos[0], Math.max(1, e.pos[1] - e.pos[0])),
          expected: 'valid YAML',
          hint: yamlHint(e.code),
        }),
      ),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw new GonogoError(
      errorDiag('spec/shape', `${file} should hold a mapping (deck:, decision:, metrics:, criteria: …), not ${Array.isArray(data) ? 'a list' : 'a single value'}`, {
        pos: positions.at([]),
        hint: 'run gonogo init to see a commented example spec',
      }),
    );
  const parsed = specSchema.safeParse(data);
  if (!parsed.success) throw new GonogoError(sortDiagnostics(issuesToDiagnostics(parsed.error.issues, specSchema, data, positions)));
  const diagnostics = checkReferences(parsed.data, positions);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new GonogoError(sortDiagnostics(errors));
  return { spec: parsed.data, dir, file, positions, diagnostics: sortDiagnostics(diagnostics) };
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'a key appears twice in the same mapping; keep one (inside { … } a comma in a text starts a new key: quote such texts)';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested keys need consistent spaces (no tabs)';
    case 'TAB_AS_INDENT':
      return 'YAML indentation uses spaces, not tabs';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value probably lost its colon or its quotes; quote texts that contain ": " or "#"';
    default:
      return 'quote texts that contain ":", "#", "[" or "{"';
  }
}
