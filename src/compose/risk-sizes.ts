// A risk the lead wrote may call a segment's data thin; the reads may say otherwise. When a risk names a
// segment that holds a large share of the primary read's units and calls its data thin or small, the build
// warns (the words are the lead's to change, so a receipt, not a rewrite).
import { errorDiag, type Diagnostic } from '../diagnostics.js';
import { segmentValue } from '../model/rows.js';
import type { Ctx } from './context.js';

/** A segment holding at least this share of the units is not thin data. */
export const LARGE_SHARE = 0.1;
const THIN = /\b(thin|sparse|small|little|few|limited)\b[^.;]{0,20}\b(data|sample|samples|volume|reads?|n)\b|\b(low|small) (sample|volume|n)\b/i;

export function thinDataClaims(ctx: Ctx, risks: { description: string }[], path = 'risks'): Diagnostic[] {
  const primary = ctx.spec.metrics.find((m) => m.role === 'primary' && ctx.segmentReads(m.id).length);
  if (!primary) return [];
  const size = (r: { control: { n: number | null } | null; treatment: { n: number | null } | null } | undefined) => (r?.control?.n ?? 0) + (r?.treatment?.n ?? 0);
  const total = size(ctx.read(primary.id));
  if (!total) return [];
  const segments = ctx.segmentReads(primary.id).map((r) => ({ name: segmentValue(r.segment), share: size(r) / total }));
  return risks.flatMap((risk, i) => {
    if (!THIN.test(risk.description)) return [];
    const named = segments.filter((s) => s.share >= LARGE_SHARE && new RegExp(`\\b${s.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(risk.description));
    return named.map((s) =>
      errorDiag('risks/thin-segment', `risk ${i + 1} calls ${s.name}'s data thin, but ${s.name} holds ${(s.share * 100).toFixed(1)}% of the ${primary.label} read`, {
        severity: 'warning',
        field: `${path}[${i}].description`,
        expected: `"thin data" only for a segment under ${LARGE_SHARE * 100}% of the units`,
        hint: 'say what the data shows for it instead (e.g. a clear change, with its interval)',
      }),
    );
  });
}
