// A checkpoint: the decision and its headline numbers as one entry of the deck's history (checkpoints.json),
// so a later build can say what moved since the last review. review/history.ts reads and writes the file.
import type { Decision } from './types.js';
import type { Spec } from '../spec/normalized.js';
import { changeNear, type Interval, type Results } from '../stats/results.js';
import { OVERALL } from '../model/rows.js';
import type { Mark, Polarity, Status } from '../model/outcomes.js';
import { headlineScale } from './headline.js';

export interface HeadlineRead {
  estimate: number;
  ci: Interval | null;
  scale: 'relative' | 'absolute';
}

export interface GapState {
  id: string;
  status: 'open' | 'mitigated' | 'closed';
  /** Fraction after mitigation, when the spec states one. */
  missing_share: number | null;
}

export interface Checkpoint {
  name: string;
  /** YYYY-MM-DD, given by the caller (the deck's date or SOURCE_DATE_EPOCH), never the clock. */
  date: string;
  verdict: { criterion: string; label: string; option?: string };
  /** How many criterion rules came to each mark. */
  counts: Record<Mark, number>;
  /** Per criterion, its status and polarity: lets the slide say which criteria flipped. */
  criteria?: { id: string; status: Status; polarity: Polarity }[];
  /** Per primary and guardrail metric, its overall headline change. */
  headline: Record<string, HeadlineRead>;
  gaps: GapState[];
}

export interface History {
  version: 1;
  checkpoints: Checkpoint[];
}

/** The checkpoint entry for the current state of a deck. */
export function checkpointFrom(input: { name: string; date: string; spec: Spec; results: Results; decision: Decision }): Checkpoint {
  const { spec, results, decision } = input;
  const headline: Record<string, HeadlineRead> = {};
  for (const m of spec.metrics.filter((x) => x.role !== 'secondary')) {
    const read = results.reads.find((r) => r.metric === m.id && r.segment === OVERALL);
    const near = changeNear(read, headlineScale(spec, m.id));
    if (near) headline[m.id] = { estimate: near.change.estimate, ci: near.change.ci ? { lo: near.change.ci.lo, hi: near.change.ci.hi } : null, scale: near.scale };
  }
  const v = decision.verdict;
  return {
    name: input.name,
    date: input.date,
    verdict: { criterion: v.criterion, label: v.label, ...(v.option ? { option: v.option } : {}) },
    counts: { ...decision.counts },
    criteria: decision.criteria.map((c) => ({ id: c.id, status: c.status, polarity: c.polarity })),
    headline,
    gaps: spec.data_gaps.map((g) => ({ id: g.id, status: g.status ?? 'open', missing_share: g.missing_share ?? null })),
  };
}
