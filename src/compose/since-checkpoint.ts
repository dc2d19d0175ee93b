// The "since last checkpoint" slide: what moved, what flipped and which data gaps closed since the
// last reviewed build. Pure, like every composer; its sentences come from templates/since-*.hbs.
import type { BulletItem, Slide } from '../deck/types.js';
import type { Decision } from '../decide/types.js';
import type { Spec } from '../spec/normalized.js';
import type { Results } from '../stats/results.js';
import type { Texts } from './texts.js';
import { fmtChange, fmtInterval, fmtMove, fmtShare } from '../deck/format.js';
import { isImprovement } from './context.js';
import { marked } from './marks.js';
import { MARKS, MARK_WORD, markOf, markText, type Mark } from '../model/outcomes.js';
import { checkpointFrom, type Checkpoint, type History } from '../decide/checkpoint.js';


export interface SinceInput {
  history: History | Checkpoint[];
  spec: Spec;
  results: Results;
  decision: Decision;
  texts: Texts;
  /** The checkpoint being built now, if any: the comparison is with the one before it. */
  checkpoint?: string;
}

const EPS = 1e-9;

/** The slide, or undefined when there is no earlier checkpoint to compare with. */
export function composeSinceLastCheckpoint(input: SinceInput): Slide | undefined {
  const { spec, texts: t } = input;
  const list = Array.isArray(input.history) ? input.history : input.history.checkpoints;
  const prev = [...list].reverse().find((c) => c.name !== input.checkpoint);
  if (!prev) return undefined;
  const now = checkpointFrom({ name: input.checkpoint ?? 'now', date: spec.deck.date, spec, results: input.results, decision: input.decision });
  const verdictChanged = prev.verdict.criterion !== now.verdict.criterion;
  const items: BulletItem[] = [
    { text: t('since-verdict', { changed: verdictChanged, from: prev.verdict.label, to: now.verdict.label, counts: countWords(t, now.counts), before: countWords(t, prev.counts) }), ...(verdictChanged ? { tone: 'accent' as const } : {}) },
  ];
  for (const c of now.criteria ?? []) {
    const before = prev.criteria?.find((x) => x.id === c.id);
    if (before && before.status !== c.status) {
      const to = marked(c);
      items.push({ text: t('since-criterion', { label: spec.criteria.find((x) => x.id === c.id)?.label ?? c.id, from: markText(markOf(before.status, before.polarity)), to: to.text }), level: 1, tone: to.tone });
    }
  }
  let moved = 0;
  const unchanged: string[] = [];
  // Primary metrics first, then guardrails, each in spec order (the file's keys are sorted).
  const headlineMetrics = [...spec.metrics.filter((x) => x.role === 'primary'), ...spec.metrics.filter((x) => x.role === 'guardrail')];
  for (const m of headlineMetrics) {
    const read = now.headline[m.id];
    const was = prev.headline[m.id];
    if (!read || !was || was.scale !== read.scale) continue;
    const delta = read.estimate - was.estimate;
    const didMove = Math.abs(delta) > EPS || Math.abs((read.ci?.lo ?? 0) - (was.ci?.lo ?? 0)) > EPS || Math.abs((read.ci?.hi ?? 0) - (was.ci?.hi ?? 0)) > EPS;
    const to = fmtChange(read.estimate, read.scale, m);
    if (!didMove) {
      unchanged.push(`${m.label} ${to}`);
      continue;
    }
    moved++;
    items.push({
      text: t('since-metric', {
        label: m.label,
        from: fmtChange(was.estimate, was.scale, m),
        to,
        by: fmtMove(Math.abs(delta), read.scale, m).replace(/^[+\u00b1]/, ''),
        better: isImprovement(m, delta),
        interval: fmtInterval(read.ci, read.scale, m, spec.decision.confidence).replace(/^\(|\)$/g, ''),
      }),
    });
  }
  if (unchanged.length) items.push({ text: t('since-unchanged', { metrics: unchanged }) });
  const closed = now.gaps.filter((g) => g.status === 'closed' && prev.gaps.some((p) => p.id === g.id && p.status !== 'closed'));
  // A gap gone from the spec is closed too: it no longer needs a row in the register.
  const gone = prev.gaps.filter((p) => p.status !== 'closed' && !now.gaps.some((g) => g.id === p.id));
  const describe = (id: string) => spec.data_gaps.find((g) => g.id === id)?.description ?? id;
  if (closed.length + gone.length) items.push({ text: t('since-gaps-closed', { count: closed.length + gone.length, gaps: [...closed.map((g) => describe(g.id)), ...gone.map((g) => g.id)] }), tone: 'pass' });
  for (const g of now.gaps) {
    const p = prev.gaps.find((x) => x.id === g.id);
    if (g.status !== 'closed' && p && p.missing_share !== null && g.missing_share !== null && Math.abs(p.missing_share - g.missing_share) > EPS)
      items.push({ text: t('since-gap-share', { description: describe(g.id), from: fmtShare(p.missing_share), to: fmtShare(g.missing_share) }), level: 1 });
  }
  return {
    id: 'since-last-checkpoint',
    kind: 'bullets',
    section: 'Summary',
    title: t('since-title', { name: prev.name, date: prev.date, verdictChanged, verdict: now.verdict.label, moved }),
    blocks: [{ type: 'bullets', items }],
    notes: [t('since-notes', { name: prev.name, date: prev.date, verdictBefore: prev.verdict.label })],
  };
}

/** "7 met, 3 not met, 1 not triggered": the counts that are not zero, in the order of MARKS. */
function countWords(t: Texts, counts: Partial<Record<Mark, number>>): string {
  return t('since-counts', { parts: MARKS.filter((k) => counts[k]).map((k) => `${counts[k]} ${MARK_WORD[k]}`) });
}
