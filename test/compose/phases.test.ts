// Pilot phases (seed: pilot-instead-of-mandate). One deck folder, three decks: the proposal (design), week N of
// the pilot (interim: no efficacy) and the readout (final). Each has its own cover, question and storyline, and
// what one phase says does not leak into another. Asserted on what a reader meets: the written outline and the
// text of the written PPTX (slides and notes), built by the CLI from the repository's reference folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { pptxToText } from '../../src/review/pptx-text.js';
import { interimDeck, LOSING_DATA, PILOT, pilotDeck, WINNING_DATA } from '../support/pilot.js';
import { runCli } from '../support/cli.js';

type Phase = 'design' | 'interim' | 'final';
interface Written {
  outline: string;
  pptx: string;
  /** The outline's text without its Markdown table pipes and emphasis, for phrase checks. */
  both: string;
}

let out: string;
const written = {} as Record<Phase, Written>;
const summary = {} as Record<Phase, string>;

/** A slide's block of the outline, from its heading to the next. */
function slide(text: string, heading: RegExp): string {
  const parts = text.split(/\n(?=## \d+\. )/);
  return parts.find((p) => heading.test(p.split('\n')[0])) ?? '';
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'gonogo-phases-'));
  for (const phase of ['design', 'interim', 'final'] as const) {
    const r = await runCli(['build', PILOT, '--phase', phase, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    summary[phase] = r.stdout;
    const outline = readFileSync(join(out, `call-volume-pilot-${phase}.md`), 'utf8');
    const pptx = pptxToText(readFileSync(join(out, `call-volume-pilot-${phase}.pptx`)));
    written[phase] = { outline, pptx, both: `${outline}\n${pptx}` };
  }
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('one deck folder, three phases', () => {
  it('builds each phase from the repository, writing NAME-PHASE files so the spec\'s own deck stays', () => {
    for (const phase of ['design', 'interim', 'final']) expect(existsSync(join(out, `call-volume-pilot-${phase}.pptx`))).toBe(true);
    expect(existsSync(join(out, 'call-volume-pilot.pptx'))).toBe(false);
    expect(summary.design).not.toContain('because');
    expect(summary.final).toMatch(/^Scale — roll 2× calls out to all eligible reps \(option scale\)\n {2}because all 3 rules/);
  });

  it('gives each phase its own cover line, date and question', () => {
    expect(written.design.pptx).toContain('Proposal for VP Sales, RevOps and frontline managers');
    expect(written.design.outline).toContain('Decision needed: Should we mandate 2× call volume for all reps next week');
    expect(written.design.outline).toContain('2026-11-23');

    expect(written.interim.pptx).toContain('Interim report, week 3 of the pilot: participation, compliance, safety and data quality');
    expect(slide(written.interim.outline, /Week 3: /)).toContain('Is the pilot running as designed, and safely?');
    expect(written.interim.outline).toContain('2026-12-18');

    expect(written.final.pptx).toContain('Pilot readout: the result against the rules written before launch');
    expect(written.final.outline).toContain('Decision needed: Should we roll 2× calls out to all eligible reps, refine and re-test, or keep current targets?');
    expect(written.final.outline).toContain('2027-01-15');
  });
});

describe('design phase: the proposal', () => {
  it('tells the proposal: finding, pilot plan, power, pre-registered rules, reporting', async () => {
    const run = await runUntil('compose', PILOT);
    expect(run.compose!.slides.map((s) => s.id)).toEqual([
      'title', 'design-summary', 'pilot-finding', 'pilot-proposal', 'pilot-guardrails', 'pilot-definitions', 'pilot-instrumentation',
      'pilot-power', 'pilot-criteria', 'pilot-reporting', 'risks', 'raci', 'plan', 'prewire-vp_sales', 'prewire-revops', 'prewire-managers',
    ]);
    expect(run.decide!.verdict.criterion).toBe('design');
    const { both } = written.design;
    expect(both).toContain('The finding cannot be read causally: it is confounded by deal stage and rep mix');
    expect(both).toContain('3 outcomes, written before launch: Scale, Iterate or Stop');
    expect(both).toContain('Sponsor the pilot and hold the mandate until the readout');
    // R: power.prop.test(p1 = 0.20, p2 = 0.25, power = 0.8) → n = 1093.739 per group; deff = 1 + 29·0.02 = 1.58
    const power = slide(written.design.outline, /opportunities per arm detect/);
    expect(power).toContain('1,094 opportunities per arm');
    expect(power).toContain(`${Math.ceil(1093.739 * 1.58).toLocaleString('en-US')} per arm`);
  });

  it('shows a pre-launch check as planned when the deck is dated before it passed (passed_on)', () => {
    const checks = slide(written.design.outline, /instrumentation checks before launch/);
    expect(checks.split('\n')[0]).toContain('5 instrumentation checks before launch, 2 passed so far');
    expect(checks).toMatch(/Treatment flag persisted on the rep profile \| planned/);
    expect(written.interim.outline).toMatch(/Treatment flag persisted on the rep profile \| passed/);
  });

  it('names no outcome of the pilot: no readout, no verdict, no efficacy', () => {
    for (const s of ['Pilot readout', 'Roll 2× calls out to all eligible reps:', 'Rollback within', 'Interim report']) expect(written.design.both).not.toContain(s);
  });
});

describe('interim phase: week N of the pilot', () => {
  it('shows participation, compliance, safety and data quality only, with the week on the summary', () => {
    const { outline } = written.interim;
    const titles = outline.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.replace(/^## \d+\. /, ''));
    expect(titles).toEqual([
      'Call volume and win rate: a quota-neutral pilot',
      'Week 3: no safety guardrail breached, 2 of 3 not yet clear',
      'Participation and compliance by arm, week 3',
      'No safety guardrail breached; 2 of 3 not yet clear',
      'Nothing failing: all 5 instrumentation checks passed',
      'The pilot in 4 milestones; this report is week 3',
    ]);
  });

  it('never says a guardrail holds while its interval still reaches the limit', () => {
    const { both } = written.interim;
    expect(both).toContain('2 of 3 not yet clear, their intervals still reach the limit (Complaints and opt-outs per 1,000 calls, and Rep-weeks over the overtime threshold)');
    expect(both).not.toMatch(/all 3 (safety )?guardrails (hold|within)/i);
  });

  it('says what was checked and what is pending, never "all checks pass" beside planned checks', async () => {
    const deck = pilotDeck('interim', undefined, (y) => y.replace(/status: passed, passed_on: 2026-12-1\d/g, 'status: planned'));
    try {
      const r = await runCli(['build', deck.dir, '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      const outline = readFileSync(join(deck.dir, 'out', `${deck.dir.split('/').pop()}.md`), 'utf8');
      expect(outline).toContain('Data quality: 3 of 5 instrumentation checks passed, 2 still pending; the known data gap is mitigated.');
      expect(outline).toContain('## 5. 2 of 5 instrumentation checks still pending, nothing failing');
      expect(outline).toMatch(/One-week shadow logging confirms metric stability and latency \| pending/);
      expect(outline).not.toMatch(/all (\d+ )?(checks|instrumentation checks) pass/i);
    } finally {
      deck.cleanup();
    }
  });

  it('lets no pre-pilot proposal and no readout content into the interim deck', () => {
    for (const s of ['Proposal for', 'Sponsor the pilot', 'Decision needed', 'Pilot readout', 'Roll 2× calls out to all eligible reps', 'Rollback within'])
      expect(written.interim.both, s).not.toContain(s);
  });

  it('reads no efficacy metric at all, even when the interim data holds winning efficacy rows', async () => {
    const deck = interimDeck();
    try {
      const run = await runUntil('compose', deck.dir);
      const ids = run.compose!.slides.map((s) => s.id);
      expect(ids).toEqual(['title', 'interim-summary', 'compliance', 'interim-safety', 'interim-data-quality', 'plan']);
      expect(run.analyze!.reads.map((r) => r.metric).sort()).toEqual(['calls_per_rep_day', 'complaint_rate', 'connect_rate', 'overtime_share', 'treatment_compliance']);
      const text = JSON.stringify(run.compose);
      for (const label of ['Win rate', 'Stage 1→2', 'Meeting set rate', 'Sales cycle']) expect(text).not.toContain(label);
      for (const leak of ['+15', '15.0 pp', '35.0%', 'raises', 'lowers', 'improve', 'winner', 'p = 0.0']) expect(text).not.toContain(leak);
    } finally {
      deck.cleanup();
    }
  });

  it('labels the arms Arm A / Arm B when blind', async () => {
    const deck = interimDeck();
    try {
      const run = await runUntil('compose', deck.dir);
      const text = JSON.stringify(run.compose);
      expect(text).toContain('Arm A');
      expect(text).toContain('Arm B');
      expect(text).not.toMatch(/double_calls|business_as_usual/);
      const table = run.compose!.slides.find((s) => s.id === 'compliance')!.blocks[0];
      expect(table.type === 'table' && [...table.header].sort()).toEqual(['Arm A', 'Arm B', 'Measure', 'n']);
    } finally {
      deck.cleanup();
    }
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

describe('final phase: the readout', () => {
  it('reads the effect against the pre-registered rules and recommends an option with its rollout, monitoring and rollback', () => {
    const { outline, both } = written.final;
    expect(outline).toContain('**Recommendation: Scale — roll 2× calls out to all eligible reps.**'); // a word id (scale) is never shown
    expect(slide(outline, /3 of 3 rules met/)).toContain('| Win rate: change ≥ +3 pp and CI excludes 0 pp — a lift worth mandating, and not explained by chance | +4.6 pp \\[+1.2 pp, +8.1 pp\\] | ✓ met |');
    expect(both).toContain('Roll 2× calls out to all eligible reps: 3 steps to roll it out');
    expect(both).toContain('Managers trained; call targets and the quality cap switched on team by team');
    expect(both).toContain('3 alerts watch the rollout, weekly');
    expect(both).toContain('Rollback within 1 day, led by RevOps');
    expect(both).toContain("Reset call targets to each rep's baseline in the dialer");
    expect(both).toContain('Rollout: Weeks 1–2, managers trained; call targets and the quality cap switched on team by team (RevOps).');
    expect(both).toContain('Rollback: RevOps, within 1 day; first trigger: A pause rule fires in more than a third of teams in one week.');
    // the option's risks and RACI, and the readout's pre-wire
    expect(both).toContain('The lift fades once the novelty wears off');
    expect(both).toContain('Hold-out and the week-8 read');
    expect(both).toContain('Approve the recommended option with its rollback triggers and the week-8 review');
  });

  it('lets no pre-pilot content into the readout: proposal, pilot plan, pilot risks and RACI, the design pre-wire', () => {
    const design = [
      'Proposal for VP Sales', 'Should we mandate 2× call volume', 'The finding cannot be read causally', 'A randomised pilot by rep',
      'cohorts randomised and locked', 'The pilot in 4 milestones', 'Pressure to publish directional wins mid-pilot', 'Pilot design and analysis plan',
      'Sponsor the pilot', 'hold the mandate until the readout', 'Another dashboard to maintain', 'What to land: approval of the pilot',
      'instrumentation checks before launch', 'pause rules say',
    ];
    for (const s of design) expect(written.final.both, s).not.toContain(s);
  });

  it('shows the dose as compliance and never counts it, or any compliance measure, as an improvement', () => {
    const { outline } = written.final;
    const compliance = slide(outline, /Call attempts per rep-day: the treatment arm at 1\.90× the control arm/);
    expect(compliance).toContain('| Call attempts per rep-day | 31.0 | 58.9 | 1.90× | 2,980 |');
    expect(compliance).toContain('n: rep-days, both arms.');
    expect(outline).toContain('Treatment delivered: Call attempts per rep-day at 1.90× the control arm (compliance, not an outcome).');
    const overview = slide(outline, /metrics clearly improve/);
    // win rate improves; connect rate clearly worsens; the dose (+90%) and compliance (+82 pp) are not counted
    expect(overview.split('\n')[0]).toMatch(/1 of 7 metrics clearly improves, 1 clearly worsens$/);
    expect(overview).not.toContain('Call attempts per rep-day');
    expect(overview).not.toContain("Rep-days at 2× the rep's baseline");
  });

  it('decides scale on winning data, and shows the stop option\'s plan when the Stop rule holds', async () => {
    const win = pilotDeck('final', WINNING_DATA);
    const lose = pilotDeck('final', LOSING_DATA);
    try {
      const won = await runUntil('compose', win.dir);
      expect(won.decide!.verdict.criterion).toBe('scale');
      expect(JSON.stringify(won.compose!.slides.find((s) => s.id === 'deep-dive-win_rate'))).toMatch(/\+15\.0 pp/);
      const overview = won.compose!.slides.find((s) => s.id === 'metrics-overview')!;
      expect(overview.title).toBe('4 of 7 metrics clearly improve, 0 clearly worsen');

      const lost = await runUntil('compose', lose.dir);
      expect(lost.decide!.verdict.criterion).toBe('stop');
      const text = JSON.stringify(lost.compose!.slides);
      expect(text).toContain('Keep current call targets: 2 steps to roll it out');
      expect(text).toContain('Pilot reps return to current targets');
      expect(text).not.toContain('Rollback within');
      // the stop option states no rollback: the receipt says so
      expect(lost.diagnostics.map((d) => d.code)).toContain('final/no-plan');
      expect(lost.diagnostics.find((d) => d.code === 'final/no-plan')!.message).toBe('the readout recommends option stop, which states no rollback');
    } finally {
      win.cleanup();
      lose.cleanup();
    }
  });
});

describe('phase data and dates in the spec', () => {
  it('names a missing phase data file with its field and position', async () => {
    const deck = pilotDeck('interim', undefined, (y) => y.replace('metrics_file: data/interim-week-3.csv', 'metrics_file: data/interim-week-4.csv'));
    try {
      const r = await runCli(['validate', deck.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/gonogo\.yaml:\d+:\d+: error: interim\.metrics_file names data\/interim-week-4\.csv, which is not in the deck folder/);
      // the design phase does not read it
      expect((await runCli(['validate', deck.dir, '--phase', 'design'])).code).toBe(0);
    } finally {
      deck.cleanup();
    }
  });

  it('refuses a phase date that is not in the calendar', async () => {
    const deck = pilotDeck('final', undefined, (y) => y.replace('date: 2027-01-15', 'date: 2027-02-30'));
    try {
      const r = await runCli(['validate', deck.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/gonogo\.yaml:\d+:\d+: error: final\.date 2027-02-30 is not a date in the calendar/);
    } finally {
      deck.cleanup();
    }
  });
});
