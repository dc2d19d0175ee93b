// Best / base / worst: what each assumes, the headline changes, and the verdict under each. Every sentence
// reads the structured flips (scenario-flips.ts): which scenario changes the verdict, to what, and why.
import type { Block, Slide } from '../deck/types.js';
import type { ScenarioOutcome } from '../decide/types.js';
import { type Ctx, scenarioDecimals } from './context.js';
import { fmtChange } from '../deck/format.js';
import { scenarioCharts } from './charts.js';
import { reasonText, ruleText } from './rule-words.js';
import { NEWS, markOf } from '../model/outcomes.js';
import { OVERALL } from '../model/rows.js';
import { continued, inSentence } from '../model/words.js';
import { flipData, scenarioFlips, type ScenarioFlip } from './scenario-flips.js';

export function composeScenarios(ctx: Ctx): Slide[] {
  const { decision } = ctx;
  const flips = scenarioFlips(ctx);
  const flipOf = (name: string) => flips.find((f) => f.name === name);
  const charts = scenarioCharts(ctx);
  const columns = decision.scenarios.map((s) => {
    const flip = flipOf(s.name);
    return {
      heading: `${s.name.charAt(0).toUpperCase()}${s.name.slice(1)} case`,
      ...(s.name === 'base' ? { tone: 'accent' as const } : {}),
      blocks: [
        { type: 'text' as const, role: 'caption' as const, text: s.assumption ?? ctx.t('scenario-assumption', { name: s.name, pushed: pushedLabels(ctx, s) }) },
        { type: 'bullets' as const, items: s.changes.map((c) => ({ text: `${ctx.metric(c.metric).label}: ${fmtChange(c.estimate, c.scale, ctx.metric(c.metric), scenarioDecimals(ctx, ctx.metric(c.metric), c.scale))}` })) },
        { type: 'text' as const, role: 'body' as const, text: ctx.t('scenario-verdict', { verdict: s.verdict.label, flips: s.flips, fallback: s.verdict.fallback, cause: flip ? causeText(ctx, flip) : '' }) },
      ],
    };
  });
  const misses = primaryMisses(ctx);
  const turns = flips.filter((f) => !misses.includes(f.name)).map((f) => f.name);
  const data = {
    verdict: ctx.verdict,
    fallback: decision.verdict.fallback,
    // Cases whose verdict no criterion gives (the fallback's): the title says the verdict stays, not that it holds.
    fallbackNames: decision.scenarios.filter((s) => s.verdict.fallback).map((s) => s.name),
    fallbackCount: decision.scenarios.filter((s) => s.verdict.fallback).length,
    allFallback: decision.scenarios.every((s) => s.verdict.fallback),
    flips: flips.length > 0,
    flipList: flips.map((f) => ({ ...flipData(f), cause: causeText(ctx, f), rule: f.cause ? ruleText(ctx, f.cause.rule) : '', reason: f.cause ? reasonText(ctx, f.cause) : '' })),
    holdNames: decision.scenarios.filter((s) => !s.flips).map((s) => s.name),
    holdCount: decision.scenarios.filter((s) => !s.flips).length,
    // The chart draws a bar for a primary metric ruled on in the target criterion; with none, nothing is cleared.
    barred: primaryBarred(ctx),
    missNames: misses,
    missCount: misses.length,
    turnNames: turns,
    turnCount: turns.length,
  };
  // The cards say why a value lies past its interval; a card whose assumption the spec states gets it said under the cards.
  const slidePush = decision.scenarios.some((s) => s.assumption && pushedLabels(ctx, s).length) ? pushCaption(ctx, () => true) : '';
  const pushNotes = decision.scenarios.map((s) => pushText(ctx, s)).filter(Boolean);
  const chartTitle = ctx.t('scenarios-chart-title', data);
  return [
    // Many primary metrics take several charts: each goes on as its own slide, titled like a slide the layout continues.
    ...charts.map(({ chart, metrics }, i) => {
      // Said under the chart that draws the values it explains, and in its notes for those values only.
      const draws = (id: string) => metrics.includes(id);
      const chartPush = pushCaption(ctx, draws);
      return {
        id: i === 0 ? 'scenarios-chart' : `scenarios-chart-${i + 1}`,
        kind: 'chart' as const,
        section: 'Scenarios',
        title: i === 0 ? chartTitle : continued(chartTitle),
        blocks: [{ type: 'chart' as const, chart }, ...(chartPush ? [{ type: 'text', role: 'caption', text: chartPush } as Block] : [])],
        notes: [chart.alt, ...decision.scenarios.map((s) => pushText(ctx, s, draws)).filter(Boolean)],
      };
    }),
    {
      id: 'scenarios',
      kind: 'scenarios',
      section: 'Scenarios',
      title: ctx.t('scenarios-title', data),
      blocks: [{ type: 'columns', columns }, ...(slidePush ? [{ type: 'text', role: 'caption', text: slidePush } as Block] : [])],
      notes: [ctx.t('scenarios-notes', data), ...pushNotes],
    },
  ];
}

/** What turns a flipping scenario, in words: "the rule on Win rate is not met", "Spam flags crosses its limit". */
export function causeText(ctx: Ctx, f: ScenarioFlip): string {
  return f.cause ? ctx.t('scenario-cause', flipData(f)) : '';
}

/** Whether a primary metric has a rule on its overall read in the target criterion (what the scenario chart's bars are). */
function primaryBarred(ctx: Ctx): boolean {
  const target = ctx.decision.criteria.find((c) => c.id === ctx.decision.target);
  return Boolean(target?.rules.some((r) => r.type === 'metric' && r.rule.segment === OVERALL && ctx.metric(r.rule.metric).role === 'primary'));
}

/** Scenarios in which a primary metric's headline rule is bad news (in best, base, worst order). */
function primaryMisses(ctx: Ctx): string[] {
  const target = ctx.decision.target;
  return ctx.decision.scenarios
    .filter((s) =>
      (s.criteria.find((c) => c.id === target)?.rules ?? []).some(
        (r) => r.type === 'metric' && r.rule.segment === OVERALL && ctx.metric(r.rule.metric).role === 'primary' && NEWS[markOf(r.status, r.polarity)] === 'bad',
      ),
    )
    .map((s) => s.name);
}

/**
 * On the slide, in one line: which of the shown values lie past their interval's end, and why (the rows of
 * unknown arm); the notes give each push. `shows`: the metrics the slide draws (a chart shows some primaries).
 */
function pushCaption(ctx: Ctx, shows: (metricId: string) => boolean): string {
  const pushed = (name: string) => ctx.decision.scenarios.find((s) => s.name === name)?.changes.filter((c) => c.push && shows(c.metric)) ?? [];
  const best = pushed('best');
  const worst = pushed('worst');
  if (!best.length && !worst.length) return '';
  const ids = new Set([...best, ...worst].map((c) => c.metric));
  const labels = ctx.spec.metrics.filter((m) => ids.has(m.id)).map((m) => m.label);
  const stated = [...best, ...worst].some((c) => c.pushedBy === 'stated');
  // one value, or several ("the worst value of A lies", "the best and worst values of A lie")
  const several = labels.length > 1 || (best.length > 0 && worst.length > 0);
  return ctx.t('scenario-push-caption', { labels, named: labels.length <= 2, count: labels.length, several, best: best.length > 0, worst: worst.length > 0, stated });
}

/**
 * The changes this scenario pushed past their interval's end by the rows of unknown arm, said beside them, so
 * no value outside its interval stands without its reason. `shows`: the metrics the slide draws (a chart shows some primaries).
 */
function pushText(ctx: Ctx, s: ScenarioOutcome, shows: (metricId: string) => boolean = () => true): string {
  const pushed = s.changes.filter((c) => c.push && c.end !== undefined && shows(c.metric));
  if (!pushed.length) return '';
  const items = pushed.map((c) => {
    const m = ctx.metric(c.metric);
    return ctx.t('scenario-push-item', { label: m.label, value: fmtChange(c.estimate, c.scale, m), end: fmtChange(c.end!, c.scale, m), push: magnitude(c.push!, c.scale, m) });
  });
  return ctx.t('scenario-push', { name: s.name, stated: pushed.some((c) => c.pushedBy === 'stated'), items });
}

/** A push as a magnitude with the digits it needs to show ("0.07 pp", never "0.0 pp"). */
function magnitude(x: number, scale: 'relative' | 'absolute', m: Parameters<typeof fmtChange>[2]): string {
  let shown = fmtChange(x, scale, m);
  for (let d = 1; d <= 4 && !/[1-9]/.test(shown); d++) shown = fmtChange(x, scale, m, d);
  return shown.replace(/^[+\u2212\u00b1]/, '');
}

/** The metrics whose value in this scenario the rows of unknown arm pushed past their interval's end. */
function pushedLabels(ctx: Ctx, s: ScenarioOutcome): string[] {
  return s.changes.filter((c) => c.push).map((c) => inSentence(ctx.metric(c.metric).label));
}
