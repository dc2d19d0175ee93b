import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadSpec, parseSpecText } from '../../src/spec/load.js';
import { GonogoError, formatDiagnostic } from '../../src/diagnostics.js';
import { REFERENCE, tempDeck } from '../support/decks.js';
import { runCli } from '../support/cli.js';

function errorsOf(yaml: string) {
  try {
    parseSpecText(yaml, 'deck/gonogo.yaml', '/tmp');
  } catch (err) {
    if (err instanceof GonogoError) return err.diagnostics;
    throw err;
  }
  throw new Error('expected the spec to be refused');
}

const MINIMAL = `deck: {title: T, owner: O, date: 2026-01-02}
decision:
  question: Q?
  options: [{id: A, label: Go}]
metrics:
  - {id: m1, label: M, kind: proportion, unit: share, better: higher, role: primary}
criteria:
  go: {label: Go, all: [{metric: m1, ci_lower: {at_least: 0pp}}]}
`;

describe('loading the spec', () => {
  it('loads the reference deck', async () => {
    const loaded = await loadSpec(REFERENCE);
    expect(loaded.spec.metrics.length).toBeGreaterThanOrEqual(11);
    expect(loaded.spec.decision.confidence).toBe(0.9);
  });

  it('applies defaults: phase final, confidence 0.90', () => {
    const { spec } = parseSpecText(MINIMAL, 'x.yaml', '/tmp');
    expect(spec.phase).toBe('final');
    expect(spec.decision.confidence).toBe(0.9);
  });

  it('names line and column of a wrong type', () => {
    const [d] = errorsOf(MINIMAL.replace('better: higher, role: primary', 'better: higher, role: primary, per: "many"'));
    expect(d.code).toBe('spec/type');
    expect(d.field).toBe('metrics[0].per');
    expect(d.pos).toMatchObject({ file: 'deck/gonogo.yaml', line: 6 });
    expect(d.message).toContain('should be a number');
  });

  it('suggests the closest key for an unknown key', () => {
    const [d] = errorsOf(MINIMAL.replace('better: higher', 'beter: higher'));
    expect(d.code).toBe('spec/unknown-key');
    expect(d.hint).toBe('did you mean "better"?');
    expect(d.pos?.line).toBe(6);
    expect(d.pos?.col).toBe(MINIMAL.split('\n')[5].indexOf('better') + 1);
  });

  it('refuses a reference to an undefined metric, with did-you-mean', () => {
    const [d] = errorsOf(MINIMAL.replace('{metric: m1,', '{metric: m2,'));
    expect(d.code).toBe('spec/undefined-metric');
    expect(d.field).toBe('criteria.go.all[0].metric');
    expect(d.pos?.line).toBe(8);
  });

  it('reads a confidence of 95 as a likely 0.95', () => {
    const [d] = errorsOf(MINIMAL.replace('question: Q?', 'question: Q?\n  confidence: 95'));
    expect(d.field).toBe('decision.confidence');
    expect(d.hint).toContain('0.95');
  });

  it('reports YAML syntax errors with their position', () => {
    const [d] = errorsOf('deck:\n  title: [unclosed\n');
    expect(d.code).toBe('spec/yaml');
    expect(d.pos?.line).toBeGreaterThanOrEqual(2);
  });

  it('refuses duplicate ids', () => {
    const ds = errorsOf(MINIMAL.replace('options: [{id: A, label: Go}]', 'options: [{id: A, label: Go}, {id: A, label: Again}]'));
    expect(ds[0].code).toBe('spec/duplicate-id');
  });

  it('refuses a percentage where a rule compares percentage points', () => {
    const [d] = errorsOf(MINIMAL.replace('ci_lower: {at_least: 0pp}', 'scale: absolute, ci_lower: {at_least: -1%}'));
    expect(d.code).toBe('spec/quantity');
    expect(d.hint).toContain('pp');
  });

  it('formats a diagnostic with the source line and a caret', () => {
    const [d] = errorsOf(MINIMAL.replace('better: higher', 'beter: higher'));
    const text = formatDiagnostic(d);
    expect(text).toMatch(/^deck\/gonogo\.yaml:6:\d+: error: unknown key "beter"/);
    expect(text).toContain('^~~~~');
  });
});

describe('gonogo validate', () => {
  it('exits 2 and names file:line:col for a wrong type, an unknown key and an undefined metric', async () => {
    const deck = tempDeck((y) =>
      y
        .replace('    per: 100\n', '    per: lots\n')
        .replace('    better: lower\n    role: primary', '    beter: lower\n    better: lower\n    role: primary')
        .replace('      - metric: hire_rate_7d\n        ci_lower', '      - metric: hire_rate_7dd\n        ci_lower'),
    );
    try {
      const r = await runCli(['validate', deck.dir]);
      expect(r.code).toBe(2);
      const lines = r.stderr.split('\n').filter((l) => / error: /.test(l));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(r.stderr).toMatch(/gonogo\.yaml:\d+:\d+: error: unknown key "beter"/);
      expect(r.stderr).toMatch(/gonogo\.yaml:\d+:\d+: error: metrics\[\d+\]\.per should be a number/);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
      // the undefined metric is found once the structural errors are fixed
      const deck2 = tempDeck((y) => y.replace('      - metric: hire_rate_7d\n        ci_lower', '      - metric: hire_rate_7dd\n        ci_lower'));
      const r2 = await runCli(['validate', deck2.dir]);
      deck2.cleanup();
      expect(r2.code).toBe(2);
      expect(r2.stderr).toMatch(/gonogo\.yaml:\d+:\d+: error: criteria\.go_full\.all\[1\]\.metric names metric "hire_rate_7dd"/);
      expect(r2.stderr).toContain('did you mean "hire_rate_7d"?');
    } finally {
      deck.cleanup();
    }
  });

  it('passes on the reference deck and writes nothing', async () => {
    const r = await runCli(['validate', REFERENCE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('valid');
  });

  it('says plainly when the folder has no spec', async () => {
    const r = await runCli(['validate', join(REFERENCE, 'nope')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no gonogo.yaml');
    expect(r.stderr).toContain('gonogo init');
  });
});
