// Scenario sentences are written from the structured flips: each flipping scenario named with its own
// verdict, the rule that turns it named on the slide, no "interval" with equal ends, every value past its
// interval's end explained on its slide, and dose measures kept out of the scenario lists. Checked on
// generated decisions (test/support/generate-decisions.ts) and on a dose fixture, not on the reference wording.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import type { Deck, Slide } from '../../src/deck/types.js';
import type { Decision } from '../../src/decide/types.js';
import type { Spec } from '../../src/spec/normalized.js';
import { generateDecisions, writeDecision } from '../support/generate-decisions.js';
import { pilotDeck, WINNING_DATA } from '../support/pilot.js';
import { REFERENCE, tempDeck } from '../support/decks.js';
import { nUnit } from '../../src/compose/n-unit.js';
import { OVERALL } from '../../src/model/rows.js';

const root = mkdtempSync(join(tmpdir(), 'gonogo-scenarios-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const text = (s: Slide | undefined): string => (s ? JSON.stringify([s.title, s.blocks, s.notes], (k, v) => (k === 'vegaLite' ? undefined : v)) : '');
const slide = (deck: Deck, id: string) => deck.slides.find((s) => s.id === id);

async function composed(dir: string): Promise<{ deck: Deck; decision: Decision; spec: Spec }> {
  const run = await runUntil('compose', dir);
  return { deck: run.compose!, decision: run.decide!, spec: run.load!.spec };
}

/** Problems in the scenario sentences of one deck, against its decision. */
function scenarioProblems(deck: Deck, decision: Decision, spec: Spec, name: string): string[] {
  const problems: string[] = [];
  const exec = text(slide(deck, 'exec-summary'));
  const sc = slide(deck, 'scenarios');
  const flips = decision.scenarios.filter((s) => s.flips);
  for (const s of decision.scenarios) {
    const said = `In the ${s.name} case the verdict becomes ${s.verdict.label}`;
    if (s.flips && !exec.includes(said)) problems.push(`${name}: exec summary lacks "${said}"`);
    if (!s.flips && exec.includes(`In the ${s.name} case the verdict becomes`)) problems.push(`${name}: exec summary says the ${s.name} case flips`);
  }
  // never two scenarios joined under one verdict ("In the best and worst case the verdict becomes …")
  if (/In the (best|base|worst) and (best|base|worst) case/.test(exec)) problems.push(`${name}: two scenarios share one verdict sentence`);
  if (!flips.length && !exec.includes('The verdict holds in the best, base and worst cases')) problems.push(`${name}: no flip, but the exec summary does not say so`);
  if (sc) {
    const all = text(sc);
    // equal ends: "+2.9% to +2.9%"
    const equal = /CI ([−+±]?[\d.,]+\s?(?:%|pp)?) to \1\)/.exec(all);
    if (equal) problems.push(`${name}: an interval with equal ends: ${equal[0]}`);
    for (const f of flips) {
      const col = sc.blocks.find((b) => b.type === 'columns');
      const verdictLine = col?.type === 'columns' ? JSON.stringify(col.columns.find((c) => c.heading.toLowerCase().startsWith(f.name))) : '';
      if (!verdictLine.includes('differs from base:')) problems.push(`${name}: the ${f.name} column does not say what turns it`);
    }
    const pushed = decision.scenarios.some((s) => s.changes.some((c) => c.push));
    const caption = /unknown arm/.test(JSON.stringify(sc.blocks));
    if (pushed !== caption) problems.push(`${name}: values past their interval's end ${pushed ? 'without' : 'with'} a stated reason`);
    // One precision per metric across the three cards ("−1.60 pp" beside "−0.44 pp", never "−1.6 pp"), as the chart labels them.
    const cols = sc.blocks.find((b) => b.type === 'columns');
    const digitsByMetric = new Map<string, Set<number>>();
    if (cols?.type === 'columns')
      for (const col of cols.columns)
        for (const b of col.blocks)
          if (b.type === 'bullets')
            for (const item of b.items) {
              const m = /^(.*): [−+±]?\$?[\d,]+(?:\.(\d+))?/.exec(item.text);
              if (m) digitsByMetric.set(m[1], (digitsByMetric.get(m[1]) ?? new Set()).add(m[2]?.length ?? 0));
            }
    for (const [label, digits] of digitsByMetric) if (digits.size > 1) problems.push(`${name}: ${label} printed at ${[...digits].join(' and ')} decimals across the scenario cards`);
    // Scenario lists hold decision metrics only.
    const listed = decision.scenarios.flatMap((s) => s.changes.map((c) => spec.metrics.find((m) => m.id === c.metric)!.role));
    if (listed.some((r) => r !== 'primary' && r !== 'guardrail')) problems.push(`${name}: a ${listed.find((r) => r !== 'primary' && r !== 'guardrail')} metric in the scenario lists`);
  }
  return problems;
}

/** The trade-offs title claims only what the criteria say. */
function claimProblems(deck: Deck, decision: Decision, spec: Spec, name: string): string[] {
  const title = slide(deck, 'tradeoffs')?.title ?? '';
  const problems: string[] = [];
  if (/most of the gain|least risk/.test(title)) problems.push(`${name}: trade-offs title claims a comparison no number backs: ${title}`);
  const v = decision.verdict;
  const label = (id?: string) => spec.decision.options.find((o) => o.id === id)?.label;
  const c = decision.criteria.find((x) => x.id === v.criterion);
  const all = /all (\d+) of its rules met/.exec(title);
  if (all && (!c || !c.holds || c.mode !== 'all' || c.rules.length !== Number(all[1]))) problems.push(`${name}: "${all[0]}" but the verdict's criterion says otherwise`);
  for (const m of title.matchAll(/; (.+?) misses (\d+) of its (\d+) rules?/g)) {
    // Two criteria may lead to one option: the count must match one of them.
    const matches = (above: (typeof decision.criteria)[number]) => !above.holds && above.rules.filter((r) => r.status !== 'met').length === Number(m[2]) && above.rules.length === Number(m[3]);
    if (!decision.criteria.some((x) => label(x.option) === m[1] && matches(x))) problems.push(`${name}: "${m[0]}" does not match the criterion`);
  }
  if (v.option && !v.fallback && !title.includes(label(v.option)!)) problems.push(`${name}: trade-offs title does not name the recommended option`);
  return problems;
}

/** Every n names its unit; a chart labels an interval with the figures its table shows. */
function figureProblems(deck: Deck, name: string): string[] {
  const problems: string[] = [];
  for (const sl of deck.slides) {
    for (const b of sl.blocks) {
      if (b.type !== 'table') continue;
      const i = b.header.indexOf('n');
      if (i < 0) continue;
      const unitInCells = b.rows.every((r) => /^[\d,]+ \S/.test(r[i].text));
      if (!unitInCells && !/^n: \S.*, both arms\./.test(b.caption ?? '')) problems.push(`${name} ${sl.id}: n column without its unit (caption "${b.caption ?? ''}")`);
      for (const r of b.rows) if (r[i].text === '—' || r[i].text === '') problems.push(`${name} ${sl.id}: a silent n for ${r[0].text}`);
      const adjusted = /adjusted across/.test(b.caption ?? '');
      if (adjusted !== b.header.includes('p')) problems.push(`${name} ${sl.id}: the table ${adjusted ? 'claims an adjustment and shows no p' : 'shows p without naming the adjustment'}`);
    }
    // A caption that names an adjusted p-value stands on a slide with a p column, or points to the next slide's.
    const claims = sl.blocks.some((b) => b.type === 'text' && /p-values?.{0,40}adjusted|adjusted p/.test(b.text) && !/each segment table/.test(b.text));
    const next = deck.slides[deck.slides.indexOf(sl) + 1];
    const shown = [sl, next].some((x) => x?.blocks.some((b) => b.type === 'table' && b.header.includes('p')));
    if (claims && !shown) problems.push(`${name} ${sl.id}: claims adjusted p-values that no table shows`);
    if (!sl.id.startsWith('deep-dive-')) continue;
    const chart = sl.blocks.find((b) => b.type === 'chart');
    const table = deck.slides.find((x) => x.id === sl.id.replace('deep-dive-', 'segments-'))?.blocks.find((b) => b.type === 'table');
    const alt = chart?.type === 'chart' ? /CI (\S+) to (\S+?)\)/.exec(chart.chart.alt) : null;
    if (!alt || table?.type !== 'table') continue;
    // a zero reads "±0.0%" in a table and "0.0%" in a chart: the same figure
    const bracket = table.rows[0][4].text.replace(/\s|±/g, '');
    if (bracket !== `[${alt[1]},${alt[2]}]`) problems.push(`${name} ${sl.id}: chart says ${alt[1]} to ${alt[2]}, table ${bracket}`);
  }
  return problems;
}

describe('scenario sentences and comparative claims', () => {
  // About 8 s on a loaded 2-core machine (compose only, 150 ms a decision).
  it('name each flipping scenario with its own verdict and cause, and claim on the trade-offs slide only what the criteria say, in 50 generated decisions', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    const seen = { up: 0, down: 0, none: 0, both: 0, pushed: 0, recommended: 0, above: 0 };
    // Scenarios and the trade-offs slide belong to a final deck (the generator makes design and interim decks too).
    for (const [i, g] of generateDecisions(80, 20261129).filter((d) => d.spec.phase === 'final').entries()) {
      const dir = join(root, `gen-${i}`);
      writeDecision(dir, g);
      const { deck, decision, spec } = await composed(dir);
      problems.push(...scenarioProblems(deck, decision, spec, g.name), ...claimProblems(deck, decision, spec, g.name), ...figureProblems(deck, g.name));
      const flips = decision.scenarios.filter((s) => s.flips);
      if (!flips.length) seen.none++;
      if (flips.length === 2) seen.both++;
      if (flips.some((s) => s.name === 'best')) seen.up++;
      if (flips.some((s) => s.name === 'worst')) seen.down++;
      if (decision.scenarios.some((s) => s.changes.some((c) => c.push))) seen.pushed++;
      const title = slide(deck, 'tradeoffs')?.title ?? '';
      if (/all \d+ of its rules met/.test(title)) seen.recommended++;
      if (/misses \d+ of its/.test(title)) seen.above++;
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
    // the sample reaches each case the sentences branch on
    expect(seen.none).toBeGreaterThan(0);
    expect(seen.up).toBeGreaterThan(0);
    expect(seen.down).toBeGreaterThan(0);
    expect(seen.recommended).toBeGreaterThan(0);
    expect(seen.above).toBeGreaterThan(0);
  });

  it('keep a dose measure out of the scenario lists (the pilot read on other data, dose marked in the spec)', async () => {
    const deck = pilotDeck('final', WINNING_DATA);
    try {
      const { deck: d, decision, spec } = await composed(deck.dir);
      expect(scenarioProblems(d, decision, spec, 'pilot')).toEqual([]);
      const doses = spec.metrics.filter((m) => m.role === 'dose').map((m) => m.label);
      expect(doses.length).toBeGreaterThan(0);
      for (const l of doses) expect(text(slide(d, 'scenarios'))).not.toContain(l);
    } finally {
      deck.cleanup();
    }
  });

  it('say a scenario read is a point, never an interval with equal ends (a pilot whose worst case misses its bar)', async () => {
    const { deck, decision, spec } = await composed(PILOT_FINAL.dir);
    const notes = slide(deck, 'scenarios')!.notes.join(' ');
    expect(decision.scenarios.find((s) => s.name === 'worst')!.flips).toBe(true);
    expect(notes).toContain('(a single value, no interval)');
    expect(scenarioProblems(deck, decision, spec, 'pilot final')).toEqual([]);
  });
});

// win rate +4 pp [+0.4 pp, +7.7 pp]: the worst case misses the +3 pp bar
const PILOT_FINAL = pilotDeck('final', WINNING_DATA.replace('win_rate,double_calls,all,700,2000', 'win_rate,double_calls,all,480,2000'));
afterAll(() => PILOT_FINAL.cleanup());

describe('what n counts', () => {
  const m = (over: Partial<Spec['metrics'][number]>) => ({ id: 'x', label: 'X', kind: 'mean', unit: 'minutes', better: 'lower', role: 'primary', ...over }) as Spec['metrics'][number];
  it('is the spec’s counts, else the unit’s “share of”, else the label’s “per”, else units', () => {
    expect(nUnit(m({ counts: 'quoted requests' }))).toBe('quoted requests');
    expect(nUnit(m({ kind: 'proportion', unit: 'share of hires' }))).toBe('hires');
    expect(nUnit(m({ kind: 'rate', label: 'Spam flags per 1,000 quotes', unit: 'flags' }))).toBe('quotes');
    expect(nUnit(m({ label: 'Call attempts per rep-day', unit: 'calls' }))).toBe('rep-days');
    expect(nUnit(m({ label: 'Time to first quote' }))).toBe('units');
  });
});

describe('a clearly harmful segment', () => {
  // The pilot read on data in which win rate rises overall but falls hard for new reps (150 → 80 of 800 wins).
  const HARM = WINNING_DATA.replace('win_rate,double_calls,tenure=new,290,800', 'win_rate,double_calls,tenure=new,80,800');
  it('reaches the exec summary and both deep-dive titles, with its adjusted p-value beside it', async () => {
    const deck = pilotDeck('final', HARM);
    try {
      const { deck: d, decision, spec } = await composed(deck.dir);
      const exec = text(slide(d, 'exec-summary'));
      expect(exec).toMatch(/Segment risk: Win rate is clearly worse in new: −\d+\.\d+ pp \[−\d+\.\d+ pp, −\d+\.\d+ pp\], Holm-adjusted p [<=] [\d.]+\./);
      expect(slide(d, 'deep-dive-win_rate')!.title).toMatch(/clearly worse in new \(−\d/);
      // the data read one tenure segment: the title names it, with no superlative among one
      expect(slide(d, 'segments-win_rate')!.title).toMatch(/^Win rate in its one segment: new \(−[\d.]+ pp\) misses the rule, clearly worse after the Holm adjustment$/);
      const table = slide(d, 'segments-win_rate')!.blocks.find((b) => b.type === 'table');
      expect(table?.type === 'table' && table.header).toContain('p');
      expect(figureProblems(d, 'harm')).toEqual([]);
      expect(scenarioProblems(d, decision, spec, 'harm')).toEqual([]);
    } finally {
      deck.cleanup();
    }
  });

  it('stays out of the exec summary when no segment is clearly worse', async () => {
    const deck = pilotDeck('final', WINNING_DATA);
    try {
      const { deck: d } = await composed(deck.dir);
      expect(text(slide(d, 'exec-summary'))).not.toContain('Segment risk');
      expect(slide(d, 'deep-dive-win_rate')!.title).not.toContain('clearly worse');
    } finally {
      deck.cleanup();
    }
  });
});

describe('the shipped templates', () => {
  it('hold no merge-conflict markers (a marker would print on a slide)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'templates');
    const marked = readdirSync(dir).filter((f) => f.endsWith('.hbs') && /^(<{7}|={7}|>{7})/m.test(readFileSync(join(dir, f), 'utf8')));
    expect(marked).toEqual([]);
  });
});

describe('the scenario chart', () => {
  it('labels each case with the figures its card shows, one digit more only where a case would read as its bar', async () => {
    const { scenariosChart } = await import('../../src/charts/scenarios.js');
    const { defaultTheme } = await import('../../src/deck/theme.js');
    const texts = (rows: Parameters<typeof scenariosChart>[0]['rows']) => JSON.stringify(scenariosChart({ rows }, defaultTheme).vegaLite).match(/"text":"[^"]*"/g);
    const row = { label: 'Win rate', better: 'higher' as const, best: 0.081, base: 0.046, worst: 0.011, criterion: 0.03, format: { kind: 'pp' as const, digits: 1 } };
    expect(texts([row])).toEqual(expect.arrayContaining(['"text":"+8.1pp"', '"text":"+4.6pp"', '"text":"+1.1pp"', '"text":"bar +3.0pp"']));
    // a worst case of +2.96 pp would print as the +3.0 pp bar: one digit more for that metric
    expect(texts([{ ...row, worst: 0.0296 }])).toEqual(expect.arrayContaining(['"text":"+2.96pp"', '"text":"bar +3.00pp"']));
  });
});

describe('a risk that calls a large segment thin data', () => {
  it('is a warning that names the segment and its share; a small segment or another wording is not', async () => {
    const deck = tempDeck((y) => y.replace(/description: Long-tail categories \(Other, a sixth of requests\) show a clear hire-rate drop/, 'description: Other shows a larger hire-rate drop with thin data').replace(/description: Slower pros may churn if fast responders win most jobs/, 'description: Local Moving has few samples in the data'));
    try {
      const run = await runUntil('compose', deck.dir);
      const warned = run.diagnostics.filter((d) => d.code === 'risks/thin-segment');
      // Other holds 16.5% of the median's reads; Local Moving 10.9% ("few samples"): both over the 10% line
      expect(warned.map((d) => d.message)).toEqual([
        "risk 1 calls Other's data thin, but Other holds 16.5% of the Median time to first quote read",
        "risk 3 calls Local Moving's data thin, but Local Moving holds 10.9% of the Median time to first quote read",
      ]);
    } finally {
      deck.cleanup();
    }
  });
});

describe('a segment worse by its interval but not after the adjustment', () => {
  // The pilot's stage progression read by tenure: experienced reps 30.0% → 24.8% (interval below zero), new reps flat.
  // By hand: z = 0.052 / (0.01991 × √1.58) = 2.08, two-sided p = 0.038, Holm across 2 segments → 0.076 (≥ 0.05).
  const DATA = WINNING_DATA + '\n' + ['stage_progression,business_as_usual,tenure=experienced,300,1000,,,,', 'stage_progression,double_calls,tenure=experienced,248,1000,,,,', 'stage_progression,business_as_usual,tenure=new,300,1000,,,,', 'stage_progression,double_calls,tenure=new,300,1000,,,,'].join('\n');
  it('is named in its appendix title with its adjusted p-value, and not called clearly worse', async () => {
    const deck = pilotDeck('final', DATA, (y) => y.replace('{ id: stage_progression, label: Stage 1→2 progression, kind: proportion, unit: share of opportunities, better: higher, role: secondary }', '{ id: stage_progression, label: Stage 1→2 progression, kind: proportion, unit: share of opportunities, better: higher, role: secondary, segments: [tenure] }'));
    try {
      const { deck: d } = await composed(deck.dir);
      const appendix = slide(d, 'appendix-stage_progression')!;
      const table = appendix.blocks.find((b) => b.type === 'table');
      if (table?.type !== 'table') throw new Error('no table');
      const row = table.rows.find((r) => r[0].text === 'experienced')!;
      expect(row[4].text).toMatch(/^\[−[\d.]+ pp, −[\d.]+ pp\]$/);
      expect(Number(row[6].text)).toBeGreaterThanOrEqual(0.05);
      expect(appendix.title).toMatch(/: experienced −5\.20 pp \(p = 0\.076\), worse by its interval but not after the Holm adjustment$/);
      expect(appendix.title).not.toContain('clearly worse');
    } finally {
      deck.cleanup();
    }
  });
});

describe('a primary metric’s segment worse by its interval but not after the adjustment', () => {
  // Win rate by tenure: experienced reps 30.0% → 24.8%, new reps flat (Holm p = 0.076, as above).
  const DATA = WINNING_DATA.split('\n').filter((l) => !l.startsWith('win_rate,')).concat(['win_rate,business_as_usual,all,600,2000,,,,', 'win_rate,double_calls,all,548,2000,,,,', 'win_rate,business_as_usual,tenure=experienced,300,1000,,,,', 'win_rate,double_calls,tenure=experienced,248,1000,,,,', 'win_rate,business_as_usual,tenure=new,300,1000,,,,', 'win_rate,double_calls,tenure=new,300,1000,,,,']).join('\n');
  it('says so in the segment title instead of "fares worst"', async () => {
    const deck = pilotDeck('final', DATA);
    try {
      const { deck: d } = await composed(deck.dir);
      expect(slide(d, 'segments-win_rate')!.title).toMatch(/; experienced −5\.20 pp \(p = 0\.076\) worse by its interval, not after the Holm adjustment$/);
      expect(text(slide(d, 'exec-summary'))).not.toContain('Segment risk');
    } finally {
      deck.cleanup();
    }
  });
});

describe('the exec summary lead', () => {
  // The lead says why the go criterion above the verdict is not met without the rule beside it: a metric rule's
  // numbers ("at +10.6% (90% CI …): the lower bound +3.8% is below +16.7%") must say which metric they are of,
  // since the cards below show other metrics' numbers.
  it('names the metric (and segment) whose numbers kept the criterion above the verdict from holding', async () => {
    let seen = 0;
    for (const [i, g] of generateDecisions(60).entries()) {
      const dir = join(root, `lead-${i}`);
      writeDecision(dir, g);
      const { deck, decision, spec } = await composed(dir);
      const blocker = [...decision.verdict.blockers].reverse().find((b) => b.criterion.polarity === 'go');
      const lead = slide(deck, 'exec-summary')?.blocks.find((b) => b.type === 'text' && b.role === 'lead');
      // a data gap's share carries the bar it missed: "measured missing share 6.0% against ≤ 5%"
      if (blocker?.rule?.type === 'data_gap' && blocker.rule.share !== null) {
        expect(lead?.type === 'text' && lead.text, g.name).toMatch(/ missing share [\d.]+% against [≤≥] [\d.]+%/);
      }
      if (blocker?.rule?.type !== 'metric') continue;
      seen++;
      const rule = blocker.rule.rule;
      const label = spec.metrics.find((m) => m.id === rule.metric)!.label;
      const segment = rule.segment && rule.segment !== OVERALL ? ` (${rule.segment.replace('=', ': ')})` : '';
      const reason = (lead?.type === 'text' ? lead.text : '').split(`${blocker.criterion.label} is not met: `)[1] ?? '';
      const named = blocker.rule.status === 'no_data' ? reason.includes(` for ${label}${segment}`) : reason.startsWith(`${label}${segment} at `);
      expect(named, `${g.name}: ${reason}`).toBe(true);
    }
    expect(seen).toBeGreaterThanOrEqual(5);
    // none of these 60 is blocked by a data gap with a share; the reference deck is
    const ref = await composed(REFERENCE);
    const refLead = slide(ref.deck, 'exec-summary')!.blocks.find((b) => b.type === 'text' && b.role === 'lead');
    expect(refLead?.type === 'text' && refLead.text).toContain('Go (full) — expand to 100% is not met: measured missing share 6.0% against ≤ 5%.');
  });
});

describe('the trade-offs slide', () => {
  // An option no criterion names had an empty column: a heading and nothing under it.
  it('says of every option what leads to it: its criterion, the "otherwise" outcome, or that no criterion does', async () => {
    const seen = { none: 0, otherwise: 0 };
    for (const [i, g] of generateDecisions(60).entries()) {
      const dir = join(root, `tradeoffs-${i}`);
      writeDecision(dir, g);
      const { deck, decision, spec } = await composed(dir);
      const cols = slide(deck, 'tradeoffs')?.blocks.find((b) => b.type === 'columns');
      if (cols?.type !== 'columns') continue;
      for (const [k, o] of spec.decision.options.entries()) {
        const col = cols.columns[k];
        expect(col.blocks.length, `${g.name}: ${col.heading}`).toBeGreaterThan(0);
        if (decision.criteria.some((c) => c.option === o.id)) continue;
        const caption = col.blocks.find((b) => b.type === 'text' && b.role === 'caption');
        const said = caption?.type === 'text' ? caption.text : '';
        const fb = spec.decision.fallback;
        if (!fb.criterion && fb.option === o.id) {
          seen.otherwise++;
          expect(said, g.name).toBe(`${fb.label}: the outcome when no criterion holds${decision.verdict.fallback ? ', as now' : ''}`);
        } else {
          seen.none++;
          expect(said, g.name).toBe('No criterion leads to this option');
        }
      }
    }
    expect(seen.none).toBeGreaterThan(0);
    expect(seen.otherwise).toBeGreaterThan(0);
  });
});

describe('a segment slide of one segment', () => {
  // "1 of 1 meets the rule; US West improves least (+2.54)": a superlative among one.
  it('names its one segment with its change and outcome, and ranks nothing', async () => {
    let seen = 0;
    for (const [i, g] of generateDecisions(60, 99).entries()) {
      const dir = join(root, `one-segment-${i}`);
      writeDecision(dir, g);
      const { deck } = await composed(dir);
      for (const s of deck.slides.filter((x) => /^segments-/.test(x.id))) {
        const table = s.blocks.find((b) => b.type === 'table');
        const rows = table?.type === 'table' ? table.rows.filter((r) => r[0].text !== 'All') : [];
        if (rows.length !== 1) continue;
        seen++;
        expect(s.title, g.name).toMatch(/ in its one segment: /);
        expect(s.title, g.name).toContain(rows[0][0].text.replace(/ \((?:exploratory|clearly worse|exploratory, clearly worse)\)$/, ''));
        expect(s.title, g.name).not.toMatch(/\b(?:least|worst|1 of 1)\b/);
      }
    }
    expect(seen).toBeGreaterThan(2);
  });
});

describe('a scenario turned by guardrails coming within their limits', () => {
  // "Verdict: Go (partial) — differs from base: every guardrail stays within its limit" named nothing, where one
  // guardrail breached in the base case comes within its limit at the favourable ends.
  it('names the guardrails that come within their limits there', async () => {
    let seen = 0;
    for (const [i, g] of generateDecisions(100, 7).entries()) {
      const dir = join(root, `within-${i}`);
      writeDecision(dir, g);
      const { deck, decision, spec } = await composed(dir);
      const base = decision.scenarios.find((s) => s.name === 'base')!;
      for (const s of decision.scenarios.filter((x) => x.flips))
        for (const c of s.criteria)
          c.rules.forEach((r, k) => {
            const b = base.criteria.find((x) => x.id === c.id)!.rules[k];
            if (r.type !== 'guardrails' || b.type !== 'guardrails' || r.status === b.status || r.breached.length + r.unclear.length > 0) return;
            const came = [...b.breached, ...b.unclear].filter((id) => r.within.includes(id)).map((id) => spec.metrics.find((m) => m.id === id)!.label.toLowerCase());
            if (!came.length) return;
            seen++;
            expect(text(slide(deck, 'scenarios')).toLowerCase(), `${g.name}, ${s.name}`).toMatch(new RegExp(`${came[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^"]* within (?:its|their) limits?`));
          });
    }
    expect(seen).toBeGreaterThan(0);
  });
});
