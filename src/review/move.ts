// How far a headline change moved between two reads, in words the deck uses.
import { fmtChange, fmtNumber, type MetricLike } from '../deck/format.js';

/** Signed move: relative changes move in percentage points of lift (+3.9 pp), absolute ones in the metric's unit. */
export function fmtMove(delta: number, scale: 'relative' | 'absolute', m: MetricLike): string {
  return scale === 'relative' ? `${fmtNumber(delta * 100, 1, true)} pp` : fmtChange(delta, 'absolute', m);
}
