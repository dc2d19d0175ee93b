// Two versions of a deck → what changed, most important first: the verdict, criteria and rules that
// flipped, metrics that moved (in their own unit), scenario verdicts, then slides added, removed, reworded.
// Pure: snapshots in, data out; the CLI formats it.
import type { Deck, DeckRule } from '../deck/types.js';
import type { Decision } from '../decide/types.js';
import { markOf, type Mark } from '../model/outcomes.js';
import type { Metric, Spec } from '../spec/normalized.js';
import type { Interval, Results } from '../stats/results.js';
import { fmtChange, fmtInterval, fmtMove } from '../deck/format.js';

import { kindOf } from '../model/metric-kinds.js';
import { changeNear } from '../stats/results.js';
import { orderedSegments } from '../stats/indexRows.js';
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
  | { kind: 'criterion'; id: string; label: string; from: Mark; to: Mark }
  | { kind: 'rule'; criterion: string; id: string; text: string; from: Mark; to: Mark; reason: string }
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
  const semantic = a.source === 'deck' && b.source === 'deck' ? [...decisionChanges(a, b), ...metricChanges(a, b), ...scenarioChanges(a.decision, b.decision)] : [];
  return [...semantic, ...slideChanges(a, b)];
}

function decisionChanges(sa: Extract<DeckSnapshot, { source: 'deck' }>, sb: Extract<DeckSnapshot, { source: 'deck' }>): Change[] {
  const [a, b] = [sa.decision, sb.decision];
  const out: Change[] = [];
  // A design or interim deck decides nothing: its verdict is named by its phase.
  const ref = (d: Decision): VerdictRef => ({ criterion: d.verdict.criterion, label: d.verdict.label || d.verdict.criterion, ...(d.verdict.option ? { option: d.verdict.option } : {}) });
  if (a.verdict.criterion !== b.verdict.criterion || a.verdict.label !== b.verdict.label) out.push({ kind: 'verdict', from: ref(a), to: ref(b) });
  for (const cb of b.criteria) {
    const ca = a.criteria.find((c) => c.id === cb.id);
    if (!ca) continue;
    const [from, to] = [markOf(ca.status, ca.polarity), markOf(cb.status, cb.polarity)];
    if (from !== to) out.push({ kind: 'criterion', id: cb.id, label: cb.label, from, to });
  }
  out.push(...ruleFlips(sa.deck.rules ?? [], sb.deck.rules ?? []));
  return out;
}

/**
 * Rules pair by where they were written (criterion and position) and guardrails by metric; a rule whose
 * mark differs between the two decks is a flip, told in the newer deck's words.
 */
function ruleFlips(a: DeckRule[], b: DeckRule[]): Change[] {
  return b.flatMap((rb) => {
    const ra = a.find((r) => r.id === rb.id);
    return ra && ra.mark !== rb.mark ? [{ kind: 'rule' as const, criterion: rb.criterion, id: rb.id, text: rb.text, from: ra.mark as Mark, to: rb.mark as Mark, reason: rb.reason }] : [];
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
    const segments = orderedSegments(new Set([...a.results.reads, ...b.results.reads].filter((r) => r.metric === m.id).map((r) => r.segment)));
    for (const segment of segments) {
      const ra = a.results.reads.find((r) => r.metric === m.id && r.segment === segment);
      const rb = b.results.reads.find((r) => r.metric === m.id && r.segment === segment);
      const na = changeNear(ra, kindOf(m.kind).defaultScale);
      const nb = changeNear(rb, kindOf(m.kind).defaultScale);
      const [ca, cb] = [na?.change ?? null, nb?.change ?? null];
      const [scaleA, scaleB] = [na?.scale, nb?.scale];
      const scale = scaleB ?? scaleA ?? kindOf(m.kind).defaultScale;
      if (!ca && !cb) continue;
      if (ca && cb && same(ca, cb) && scaleA === scaleB) continue;
      // Each side in its own scale; a move only makes sense when both read on the same one.
      const show = (c: MetricPoint | null, sc: 'relative' | 'absolute' | undefined, conf: number) => (c && sc ? `${fmtChange(c.estimate, sc, m)} ${fmtInterval(c.ci, sc, m, conf)}` : 'no read');
      const by = ca && cb && scaleA === scaleB ? fmtMove(cb.estimate - ca.estimate, scale, m) : 'n/a';
      const shown: Extract<Change, { kind: 'metric' }>['shown'] = { from: show(ca, scaleA, confA), to: show(cb, scaleB, confB), by };
      // A relative headline also reads in the metric's own unit (minutes, USD) when the absolute change exists.
      const ua = ra?.absolute;
      const ub = rb?.absolute;
      if (scale === 'relative' && ua && ub && !kindOf(m.kind).share && !same(ua, ub)) Object.assign(shown, { unitFrom: fmtChange(ua.estimate, 'absolute', m), unitTo: fmtChange(ub.estimate, 'absolute', m), unitBy: fmtChange(ub.estimate - ua.estimate, 'absolute', m) });
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
