// The pipeline runs one way (DESIGN.md), and so do the imports between its stage folders: no folder
// imports a folder that imports it back, model/ imports nothing, and decide/ neither imports the deck
// stages nor writes English (it returns structured outcomes; compose phrases them).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The stage a file belongs to: its top folder under src/, or the root file's own name (pipeline.ts, build.ts…). */
function stageOf(file: string): string {
  const rel = relative(SRC, file).split(/[\\/]/);
  return rel.length === 1 ? rel[0] : rel[0] + '/';
}

/** Relative imports of a file (static, dynamic and type-only alike: a type import is a dependency too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]);
  return specs.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

const edges = new Map<string, Set<string>>();
const byFile = new Map<string, string[]>();
for (const file of files(SRC)) {
  const from = stageOf(file);
  const targets = importsOf(file);
  byFile.set(file, targets);
  for (const target of targets) {
    const to = stageOf(target);
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
  }
}

function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of [...(edges.get(n) ?? [])].sort()) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...edges.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

describe('the import graph between stage folders', () => {
  it('has no cycle', () => {
    expect(cycles().map((c) => c.join(' → '))).toEqual([]);
  });

  it('model/ imports nothing from the project', () => {
    expect([...(edges.get('model/') ?? [])]).toEqual([]);
  });

  it('decide/ imports nothing from deck/, compose/, layout/, charts/, render/ or review/', () => {
    const later = ['deck/', 'compose/', 'layout/', 'charts/', 'render/', 'review/'];
    expect([...(edges.get('decide/') ?? [])].filter((s) => later.includes(s))).toEqual([]);
  });

  it('review/ and compose/ do not import each other', () => {
    expect(edges.get('review/')?.has('compose/') ?? false).toBe(false);
    expect(edges.get('compose/')?.has('review/') ?? false).toBe(false);
  });

  it('only spec/ parses a written quantity', () => {
    const parsers = /\b(parseQuantity|quantityOnScale|parseShare|inferScale)\b/;
    const outside = files(SRC).filter((f) => stageOf(f) !== 'spec/' && parsers.test(readFileSync(f, 'utf8')));
    expect(outside.map((f) => relative(SRC, f))).toEqual([]);
  });
});

describe('decide/ writes no English', () => {
  // Sentences are the templates' job: decide returns statuses, numbers and ids. A string literal in decide/
  // with two words in a row (outside comments and imports) would be a sentence someone has to read.
  it('has no sentence-like string literal', () => {
    const sentences: string[] = [];
    for (const file of files(join(SRC, 'decide'))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/^import .*$/gm, '');
      for (const m of code.matchAll(/(['"`])((?:(?!\1)[^\\\n]|\\.)*)\1/g)) if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(m[2].replace(/\$\{[^}]*\}/g, ''))) sentences.push(`${relative(SRC, file)}: ${m[0]}`);
    }
    expect(sentences).toEqual([]);
  });
});
