// Hand-written Deck fixtures covering every slide kind, plus deliberately oversized content.
import type { ChartSpec, Deck, Slide, TableCell } from '../../src/deck/types.js';

export const chart = (id: string, width = 8, height = 4.5): ChartSpec => ({
  id, kind: 'forest', vegaLite: { mark: 'point' }, alt: `Forest plot ${id}: median time to first quote fell 12% (90% CI −18% to −6%).`, width, height,
});

const cells = (...t: string[]): TableCell[] => t.map((text) => ({ text }));

export const everyKind: Slide[] = [
  { id: 'title', kind: 'title', section: '', title: 'Quoting workflow: expand to the top-5 categories now, hold the rest', subtitle: 'Go/no-go decision · pilot readout', blocks: [{ type: 'text', text: 'Owner: Dana Lee, Growth PM · VP Marketplace review · 2026-11-20', role: 'caption' }], notes: ['Open with the ask: a decision today on option B.'] },
  { id: 'exec-summary', kind: 'exec-summary', section: 'Summary', title: 'Go partial: the new workflow cuts time to first quote by 12% with no harm to hires', blocks: [
    { type: 'kpis', items: [
      { label: 'Median time to first quote', value: '−12%', detail: '90% CI −18% to −6%; target ≤ −10%', tone: 'pass', mark: '✓ met' },
      { label: 'Hire rate within 7 days', value: '+0.3 pp', detail: '90% CI −0.6 to +1.2 pp; guardrail ≥ −1.0 pp', tone: 'pass', mark: '✓ met' },
      { label: 'Quote acceptance', value: '+1.1%', detail: '90% CI −2.0% to +4.1%', tone: 'inconclusive', mark: '○ no data' },
      { label: 'Support tickets per 1k jobs', value: '+8%', detail: '90% CI +2% to +14%; guardrail ≤ +5%', tone: 'fail', mark: '✗ triggered' },
    ] },
    { type: 'bullets', items: [
      { text: 'Recommend option B: expand to 50% of traffic in the top-5 categories, hold elsewhere.', tone: 'accent' },
      { text: 'Support ticket guardrail breached in two categories; the fix ships before expansion.' },
      { text: 'Rollback is one flag flip by on-call within 30 minutes.', level: 1 },
    ] },
  ], notes: ['Pre-wire: Finance asked about support cost; the response is the fix plan.', 'Ask: approve option B today.'] },
  { id: 'section-results', kind: 'section', section: 'Results', title: 'What the pilot showed', blocks: [], notes: [] },
  { id: 'chart-ttfq', kind: 'chart', section: 'Results', title: 'Time to first quote fell 12% across every category', blocks: [
    { type: 'chart', chart: chart('forest-ttfq_median', 7.5, 4.5) },
    { type: 'bullets', items: [{ text: 'Largest gain in plumbing (−19%), smallest in moving (−4%).' }, { text: 'All intervals exclude zero except moving.' }, { text: 'Effect stable over the four pilot weeks.' }] },
  ], notes: ['Talk track: point at the pooled row first.'] },
  { id: 'chart-wide', kind: 'chart', section: 'Results', title: 'The effect held week over week', blocks: [
    { type: 'chart', chart: chart('timeseries-ttfq', 12, 3.6) },
    { type: 'text', text: 'No novelty decay: week 4 is within the interval of week 1.' },
  ], notes: [] },
  { id: 'table-segments', kind: 'table', section: 'Results', title: 'Every segment improved; moving is the exception', subtitle: 'Median time to first quote by category, pilot weeks 1–4', blocks: [
    { type: 'table', header: ['Segment', 'Control', 'Treatment', 'Change', 'Verdict'], rows: [
      [{ text: 'Plumbing' }, { text: '42 min' }, { text: '34 min' }, { text: '−19%' }, { text: '✓ met', tone: 'pass' }],
      [{ text: 'Electrical' }, { text: '38 min' }, { text: '33 min' }, { text: '−13%' }, { text: '✓ met', tone: 'pass' }],
      [{ text: 'Moving' }, { text: '55 min' }, { text: '53 min' }, { text: '−4%' }, { text: '✗ not met', tone: 'fail' }],
    ], caption: 'Source: pilot metrics snapshot, weeks 1–4; 90% confidence intervals.' },
  ], notes: [] },
  { id: 'comparison', kind: 'comparison', section: 'Options', title: 'Option B captures most of the gain at a fraction of the risk', blocks: [
    { type: 'columns', columns: [
      { heading: 'A · Expand to 100%', blocks: [{ type: 'bullets', items: [{ text: 'Full gain now' }, { text: 'Ticket guardrail breach unresolved', tone: 'fail' }] }] },
      { heading: 'B · 50% in top-5', tone: 'pass', blocks: [{ type: 'bullets', items: [{ text: '80% of the gain' }, { text: 'Fix ships first' }, { text: 'Rollback in 30 min' }] }] },
      { heading: 'C · Hold', blocks: [{ type: 'bullets', items: [{ text: 'No risk, no gain' }, { text: 'Competitors ship first' }] }] },
    ] },
  ], notes: [] },
  { id: 'scenarios', kind: 'scenarios', section: 'Options', title: 'Even the worst case keeps hires within the guardrail', blocks: [
    { type: 'columns', columns: [
      { heading: 'Best case', tone: 'pass', blocks: [{ type: 'text', text: '−18% time to first quote', role: 'lead' }, { type: 'text', text: 'Upper end of the interval; all categories respond like plumbing.' }] },
      { heading: 'Base case', blocks: [{ type: 'text', text: '−12% time to first quote', role: 'lead' }, { type: 'text', text: 'Point estimate; mix as in the pilot.' }] },
      { heading: 'Worst case', tone: 'fail', blocks: [{ type: 'text', text: '−6% time to first quote', role: 'lead' }, { type: 'text', text: 'Lower end, plus missing-data bound for 4% of jobs without a quote time.' }] },
    ] },
  ], notes: [] },
  { id: 'register', kind: 'register', section: 'Risks', title: 'Three risks need an owner before expansion', blocks: [
    { type: 'table', header: ['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner'], widths: [3, 1, 1, 4, 1.4], rows: [
      cells('Support load rises with traffic', 'High', 'Med', 'Ship the FAQ fix; staff two more agents in week 1', 'Ops'),
      cells('Quote quality drops for complex jobs', 'Med', 'High', 'Monitor acceptance by category; alert at −3%', 'PM'),
      cells('Missing quote times bias the estimate', 'Low', 'Med', 'Bound the effect; instrument the client fix', 'Data'),
    ] },
  ], notes: [] },
  { id: 'raci', kind: 'raci', section: 'Plan', title: 'Who does what', blocks: [
    { type: 'table', header: ['Activity', 'PM', 'Eng', 'Data', 'Ops', 'VP'], rows: [
      cells('Flip the flag', 'A', 'R', 'I', 'I', 'I'), cells('Monitor guardrails', 'I', 'C', 'R', 'I', 'A'), cells('Communicate rollback', 'R', 'I', 'I', 'C', 'A'),
    ] },
  ], notes: [] },
  { id: 'runbook', kind: 'runbook', section: 'Plan', title: 'Rollback runbook: one flag, thirty minutes', blocks: [
    { type: 'bullets', items: [{ text: 'Alert fires: ticket rate > +5% for 2 hours — on-call (SLA 15 min)' }, { text: 'Flip quoting_v2 off — Eng on-call (SLA 30 min)' }, { text: 'Confirm metrics return to baseline — Data (SLA 4 h)' }, { text: 'Notify stakeholders — PM (SLA 1 h)' }] },
  ], notes: ['Who flips: Eng on-call. Who communicates: PM.'] },
  { id: 'bullets', kind: 'bullets', section: 'Next steps', title: 'Next steps', blocks: [
    { type: 'bullets', items: [{ text: 'Ship the support FAQ fix (week 1)' }, { text: 'Expand to 50% in top-5 categories (week 2)' }, { text: 'Readout at 4 weeks with the same pre-registered criteria' }] },
  ], notes: [] },
];

export const longTable: Slide = {
  id: 'long-table', kind: 'table', section: 'Appendix', title: 'All 60 segments', notes: [],
  blocks: [{ type: 'table', header: ['Segment', 'Control', 'Treatment', 'Change'], rows: Array.from({ length: 60 }, (_, i) => cells(`Segment ${i + 1} with a fairly descriptive name`, `${40 + (i % 7)} min`, `${35 + (i % 5)} min`, `−${(i % 9) + 3}%`)) }],
};

const sentence = 'The pilot ran for four weeks across five categories and the effect held in every week, with no sign of novelty decay or of a shift in the mix of jobs. ';
export const longText: Slide = {
  id: 'long-text', kind: 'bullets', section: 'Appendix', title: 'Method notes', notes: ['Long.'],
  blocks: [{ type: 'text', text: sentence.repeat(30).trim() }],
};
export const mediumText: Slide = {
  id: 'medium-text', kind: 'bullets', section: 'Appendix', title: 'Method notes, shorter', notes: [],
  blocks: [{ type: 'text', text: sentence.repeat(15).trim() }],
};

const sixKpis = ['Median time to first quote', 'Hire rate within 7 days', 'Quote acceptance', 'Support tickets per 1k jobs', 'Cancellation rate after hire', 'Pro response time, 90th percentile'].map((label, i) => ({
  label, value: ['−12%', '+0.3 pp', '+1.1%', '+8%', '−0.4 pp', '−6 min'][i], detail: '90% CI from the pre-registered analysis; the guardrail or target it is read against', tone: (['pass', 'pass', 'inconclusive', 'fail', 'pass', 'inconclusive'] as const)[i], mark: ['✓ met', '✓ met', '○ no data', '✗ not met', '✓ met', '○ no data'][i],
}));

/** Dense slides that push every rule: six KPIs with a lead and bullets, a three-line title, wordy columns. */
export const stressSlides: Slide[] = [
  { id: 'dense-exec', kind: 'exec-summary', section: 'Summary', title: 'Go partial with a fix first: five of six metrics meet the bar, support load is the one to fix before expanding beyond the top-5 categories', notes: [], blocks: [
    { type: 'text', role: 'lead', text: 'Expand to 50% of traffic in the top-5 categories once the support FAQ fix ships; hold elsewhere.' },
    { type: 'kpis', items: sixKpis },
    { type: 'bullets', items: Array.from({ length: 6 }, (_, i) => ({ text: `Reason ${i + 1}: a sentence long enough to wrap onto a second line when the body is set at its largest size on this slide.`, level: (i % 3 === 2 ? 1 : 0) as 0 | 1 })) },
  ] },
  { id: 'dense-comparison', kind: 'comparison', section: 'Options', title: 'Three options, each with its cost', notes: [], blocks: [
    { type: 'columns', columns: ['A · Expand to 100% of traffic now', 'B · 50% in the top-5 categories', 'C · Hold and rerun'].map((heading, i) => ({
      heading, tone: (['fail', 'pass', 'inconclusive'] as const)[i],
      blocks: [{ type: 'text' as const, role: 'lead' as const, text: ['Full gain, unresolved risk', 'Most of the gain, bounded risk', 'No gain, no risk'][i] }, { type: 'bullets' as const, items: Array.from({ length: 5 }, (_, k) => ({ text: `Consideration ${k + 1} for this option, written out in a full sentence.` })) }],
    })) },
    { type: 'text', role: 'caption', text: 'Costs are engineering weeks at the current team size; risks from the register.' },
  ] },
  { id: 'wide-table', kind: 'register', section: 'Risks', title: 'Data gaps and how they bias the read', notes: [], blocks: [
    { type: 'table', header: ['Gap', 'Metrics', 'Share missing', 'Bias direction', 'Mitigation', 'Residual risk'], rows: Array.from({ length: 7 }, (_, i) => cells(`Gap ${i + 1}: quote times missing for jobs created on older app versions`, 'ttfq_median, hire_rate_7d', `${i + 2}.5%`, i % 2 ? 'Overstates the gain' : 'Understates the gain', 'Bound with worst-case imputation; fix the client logging in the next release', i % 3 ? 'Low' : 'Medium')) },
  ] },
];

export const meta: Deck['meta'] = { title: 'Quoting workflow go/no-go', owner: 'Dana Lee', date: '2026-11-20', confidentiality: 'Confidential', phase: 'final' };

export const sampleDeck: Deck = { meta, slides: [...everyKind, ...stressSlides, mediumText, longText, longTable] };
