// Two versions of a deck → what changed, most important first: the verdict, criteria and rules that
// flipped, metrics that moved (in their own unit), scenario verdicts, then slides added, removed, reworded.
// Pure: snapshots in, data out; the CLI formats it.
import type { Deck } from '../deck/types.js';
import type { Decision, RuleOutcome, Status } from '../decide/types.js';
import type { Metric, Spec } from '../spec/schema.js';
import type { Interval, Results } from '../stats/results.js';
import { OVERALL } from '../sources/snapshot.js';
import { fmtChange, fmtInterval } from '../deck/format.js';
import { fmtMove } from './move.js';
import { headlineChange, headlineScale, scaleOf } from '../compose/context.js';
import type { PptxDocument } from './pptx-text.js';
import { alignByTitle, deckSlideText, missingLines, pptxSlideText, type SlideText } from './slide-lines.js';

export type DeckSnapshot =
  | { source: 'deck'; label: string; spec: Spec; results: Results; decision: Decision; deck: Deck }
  | { source: 'pptx'; label: string; pptx: PptxDocument };

export interface VerdictRef {
  criterion: string;
  label: string;
  option?: string;
}

export interface MetricPoint {
  estimate: number;
  ci: Interval | null;
}

export type Change =
  | { kind: 'verdict'; from: VerdictRef; to: VerdictRef }
  | { kind: 'criterion'; id: string; label: string; from: Status; to: Status }
  | { kind: 'rule'; criterion: string; text: string; from: Status; to: Status; reason: string }
  | {
      kind: 'metric';
      metric: string;
      label: string;
      segment: string;
      scale: 'relative' | 'absolute';
      from: MetricPoint | null;
      to: MetricPoint | null;
      /** As the deck prints them: "−11.9% (90% CI −13.3% to −10.5%)", and the move: "+3.9 pp". */
      shown: { from: string; to: string; by: string; unitFrom?: string; unitTo?: string; unitBy?: string };
    }
  | { kind: 'scenario'; name: string; from: string; to: string }
  | { kind: 'slide-added' | 'slide-removed'; id: string; title: string }
  | { kind: 'slide-reworded'; id: string; title: string; removed: string[]; added: string[] };

export function diffDecks(a: DeckSnapshot, b: DeckSnapshot): Change[] {
  const semantic = a.source === 'deck' && b.source === 'deck' ? [...decisionChanges(a.decision, b.decision), ...metricChanges(a, b), ...scenarioChanges(a.decision, b.decision)] : [];
  return [...semantic, ...slideChanges(a, b)];
}

function decisionChanges(a: Decision, b: Decision): Change[] {
  const out: Change[] = [];
  const ref = (d: Decision): VerdictRef => ({ criterion: d.verdict.criterion, label: d.verdict.label, ...(d.verdict.option ? { option: d.verdict.option } : {}) });
  if (a.verdict.criterion !== b.verdict.criterion || a.verdict.label !== b.verdict.label) out.push({ kind: 'verdict', from: ref(a), to: ref(b) });
  for (const cb of b.criteria) {
    const ca = a.criteria.find((c) => c.id === cb.id);
    if (!ca) continue;
    if (ca.status !== cb.status) out.push({ kind: 'criterion', id: cb.id, label: cb.label, from: ca.status, to: cb.status });
    out.push(...ruleFlips(cb.id, ca.rules, cb.rules));
  }
  out.push(...ruleFlips('guardrails', a.guardrails, b.guardrails));
  return out;
}

/** Rules pair by their words; when a threshold was edited the words differ, so fall back to position. */
function ruleFlips(criterion: string, a: RuleOutcome[], b: RuleOutcome[]): Change[] {
  return b.flatMap((rb, i) => {
    const ra = a.find((r) => r.text === rb.text) ?? (a.length === b.length ? a[i] : undefined);
    return ra && ra.status !== rb.status ? [{ kind: 'rule' as const, criterion, text: rb.text, from: ra.status, to: rb.status, reason: rb.reason }] : [];
  });
}

const ROLE_ORDER: Record<Metric['role'], number> = { primary: 0, guardrail: 1, secondary: 2, operational: 3, dose: 4 };
const EPS = 1e-9;

function metricChanges(a: Extract<DeckSnapshot, { source: 'deck' }>, b: Extract<DeckSnapshot, { source: 'deck' }>): Change[] {
  const confA = a.spec.decision.confidence;
  const confB = b.spec.decision.confidence;
  // Metrics of both versions: one dropped from the spec shows as moving to "no read".
  const metrics = [...b.spec.metrics, ...a.spec.metrics.filter((x) => !b.spec.metrics.some((y) => y.id === x.id))].sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role]);
  const out: Change[] = [];
  for (const m of metrics) {
    const segments = [...new Set([...a.results.reads, ...b.results.reads].filter((r) => r.metric === m.id).map((r) => r.segment))].sort((x, y) => (x === OVERALL ? -1 : y === OVERALL ? 1 : x < y ? -1 : 1));
    for (const segment of segments) {
      const ra = a.results.reads.find((r) => r.metric === m.id && r.segment === segment);
      const rb = b.results.reads.find((r) => r.metric === m.id && r.segment === segment);
      const ca = headlineChange(ra, m);
      const cb = headlineChange(rb, m);
      const scaleA = ra && ca ? scaleOf(ra, ca) : undefined;
      const scaleB = rb && cb ? scaleOf(rb, cb) : undefined;
      const scale = scaleB ?? scaleA ?? headlineScale(m);
      if (!ca && !cb) continue;
      if (ca && cb && same(ca, cb) && scaleA === scaleB) continue;
      // Each side in its own scale; a move only makes sense when both read on the same one.
      const show = (c: MetricPoint | null, sc: 'relative' | 'absolute' | undefined, conf: number) => (c && sc ? `${fmtChange(c.estimate, sc, m)} ${fmtInterval(c.ci, sc, m, conf)}` : 'no read');
      const by = ca && cb && scaleA === scaleB ? fmtMove(cb.estimate - ca.estimate, scale, m) : 'n/a';
      const shown: Extract<Change, { kind: 'metric' }>['shown'] = { from: show(ca, scaleA, confA), to: show(cb, scaleB, confB), by };
      // A relative headline also reads in the metric's own unit (minutes, USD) when the absolute change exists.
      const ua = ra?.absolute;
      const ub = rb?.absolute;
      if (scale === 'relative' && ua && ub && m.kind !== 'proportion' && !same(ua, ub)) Object.assign(shown, { unitFrom: fmtChange(ua.estimate, 'absolute', m), unitTo: fmtChange(ub.estimate, 'absolute', m), unitBy: fmtChange(ub.estimate - ua.estimate, 'absolute', m) });
      out.push({ kind: 'metric', metric: m.id, label: m.label, segment, scale, from: point(ca), to: point(cb), shown });
    }
  }
  return out;
}

function point(c: MetricPoint | null): MetricPoint | null {
  return c ? { estimate: c.estimate, ci: c.ci ? { lo: c.ci.lo, hi: c.ci.hi } : null } : null;
}

function same(x: MetricPoint, y: MetricPoint): boolean {
  const close = (p: number, q: number) => Math.abs(p - q) <= EPS;
  if (!close(x.estimate, y.estimate)) return false;
  if (!x.ci || !y.ci) return !x.ci && !y.ci;
  return close(x.ci.lo, y.ci.lo) && close(x.ci.hi, y.ci.hi);
}

function scenarioChanges(a: Decision, b: Decision): Change[] {
  return b.scenarios.flatMap((sb) => {
    const sa = a.scenarios.find((s) => s.name === sb.name);
    return sa && sa.verdict.label !== sb.verdict.label ? [{ kind: 'scenario' as const, name: sb.name, from: sa.verdict.label, to: sb.verdict.label }] : [];
  });
}

function slideTexts(s: DeckSnapshot): SlideText[] {
  return s.source === 'deck' ? s.deck.slides.map(deckSlideText) : s.pptx.slides.map(pptxSlideText);
}

function slideChanges(a: DeckSnapshot, b: DeckSnapshot): Change[] {
  const sa = slideTexts(a);
  const sb = slideTexts(b);
  const pairs: [SlideText | undefined, SlideText | undefined][] =
    a.source === 'deck' && b.source === 'deck'
      ? [...sa.filter((x) => !sb.some((y) => y.id === x.id)).map((x): [SlideText, undefined] => [x, undefined]), ...sb.map((y): [SlideText | undefined, SlideText] => [sa.find((x) => x.id === y.id), y])]
      : alignByTitle(sa, sb);
  const out: Change[] = [];
  for (const [x, y] of pairs) {
    if (x && !y) out.push({ kind: 'slide-removed', id: x.id, title: x.title });
    else if (!x && y) out.push({ kind: 'slide-added', id: y.id, title: y.title });
    else if (x && y) {
      const removed = missingLines(x.lines, y.lines);
      const added = missingLines(y.lines, x.lines);
      if (removed.length || added.length) out.push({ kind: 'slide-reworded', id: y.id === x.id ? y.id : `${x.id} → ${y.id}`, title: y.title, removed, added });
    }
  }
  return out;
}
