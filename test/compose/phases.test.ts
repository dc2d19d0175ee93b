// Pilot phases (seed: pilot-instead-of-mandate): design shows the plan and power; interim shows no efficacy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { interimDeck, PILOT } from '../support/pilot.js';
import { runCli } from '../support/cli.js';

describe('design phase', () => {
  it('renders the pilot design with the power slide (power.prop.test figures and the design effect)', async () => {
    const run = await runUntil('compose', PILOT);
    const ids = run.compose!.slides.map((s) => s.id);
    for (const id of ['design-summary', 'pilot-finding', 'pilot-proposal', 'pilot-guardrails', 'pilot-definitions', 'pilot-instrumentation', 'pilot-power', 'pilot-criteria', 'pilot-reporting'])
      expect(ids).toContain(id);
    const power = JSON.stringify(run.compose!.slides.find((s) => s.id === 'pilot-power'));
    // R: power.prop.test(p1 = 0.20, p2 = 0.25, power = 0.8) → n = 1093.739 per group; deff = 1 + 29·0.02 = 1.58
    expect(power).toContain('1,094 opportunities per arm');
    expect(power).toContain('design effect 1.58');
    expect(power).toContain(`${Math.ceil(1093.739 * 1.58).toLocaleString('en-US')} per arm`);
    expect(run.decide!.verdict.criterion).toBe('design');
  });
});

describe('interim phase', () => {
  let deck: ReturnType<typeof interimDeck>;
  beforeAll(() => {
    deck = interimDeck();
  });
  afterAll(() => deck.cleanup());

  it('shows participation, compliance, safety and data quality only', async () => {
    const run = await runUntil('compose', deck.dir);
    const ids = run.compose!.slides.map((s) => s.id);
    expect(ids).toEqual(['title', 'interim-summary', 'interim-participation', 'interim-safety', 'interim-data-quality', 'plan']);
  });

  it('lets no efficacy number, interval or direction reach the Deck tree though treatment clearly wins', async () => {
    const run = await runUntil('compose', deck.dir);
    const text = JSON.stringify(run.compose);
    for (const label of ['Win rate', 'Stage 1→2', 'Meeting set rate', 'Sales cycle']) expect(text).not.toContain(label);
    for (const leak of ['+15', '15.0 pp', '35.0%', 'raises', 'lowers', 'improve', 'winner', 'p = 0.0']) expect(text).not.toContain(leak);
    expect(run.analyze!.reads.map((r) => r.metric)).not.toContain('win_rate');
  });

  it('labels the arms Arm A / Arm B when blind', async () => {
    const run = await runUntil('compose', deck.dir);
    const text = JSON.stringify(run.compose);
    expect(text).toContain('Arm A');
    expect(text).toContain('Arm B');
    expect(text).not.toMatch(/double_calls|business_as_usual/);
    const table = run.compose!.slides.find((s) => s.id === 'interim-participation')!.blocks[0];
    expect(table.type === 'table' && [...table.header].sort()).toEqual(['Arm A', 'Arm B', 'Measure', 'n']);
  });

  it('refuses a spec that lists an efficacy metric for the interim report, explaining why', async () => {
    const bad = interimDeck((y) => y.replace('metrics: [calls_per_rep_day,', 'metrics: [win_rate, calls_per_rep_day,'));
    try {
      const r = await runCli(['validate', bad.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/gonogo\.yaml:\d+:\d+: error: interim\.metrics lists win_rate, a primary metric/);
      expect(r.stderr).toContain('Early peeks');
    } finally {
      bad.cleanup();
    }
  });

  it('refuses a deck template that asks for an efficacy value in interim', async () => {
    const bad = interimDeck();
    try {
      mkdirSync(join(bad.dir, 'templates'));
      writeFileSync(join(bad.dir, 'templates', 'interim-lead.hbs'), 'Interim: treatment leads by {{change}} so far.\n');
      const r = await runCli(['validate', bad.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/interim-lead\.hbs:1:\d+: error: .*\{\{change\}\}, an efficacy read/);
      expect(r.stderr).toContain('false-positive');
    } finally {
      bad.cleanup();
    }
  });
});

describe('final phase', () => {
  it('reads the effect and decides scale / iterate / stop by the pre-registered rules', async () => {
    const deck = interimDeck((y) => y.replace(/^phase: interim$/m, 'phase: final'));
    try {
      const run = await runUntil('compose', deck.dir);
      expect(run.decide!.verdict.criterion).toBe('scale');
      expect(run.decide!.verdict.decidedBy).toEqual({ by: 'all', criterion: 'scale' });
      expect(run.compose!.meta.because).toBe('all 3 rules of “Scale — roll 2× calls out to all eligible reps” are met');
      const deepDive = run.compose!.slides.find((s) => s.id === 'deep-dive-win_rate')!;
      expect(JSON.stringify(deepDive)).toMatch(/\+15\.0 pp/);
    } finally {
      deck.cleanup();
    }
  });
});
