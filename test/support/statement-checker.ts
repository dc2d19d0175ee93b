// Reads a deck as a reader meets it — the written Markdown outline or the written PPTX, slide by slide (the
// parsing of marks-checker.ts) — and checks its statements against the spec and the Decision: verdicts and
// scenarios named with their own outcome, "N of M" counts that add up, labels exactly as the spec writes
// them, no raw ids, intervals with two ends that hold what the slide says they hold, one value per figure,
// claims of adjustment only beside what was adjusted, and grammatical number. Like the marks checker it never
// imports the composers: it knows the deck only as written, and the truth only as spec and Decision.
//
//   const problems = checkStatements(outlineSlides(md), { spec, decision }, 'my deck (outline)');
//
// The checks, one function each (CHECKS at the end): verdicts (recommendation, cover answer, scenario
// sentences and cards), counts ("N of M" in titles and bullets against the decision or the slide's own table),
// labels (case as written), rawIds, intervals (equal ends; scenario values past their interval need a reason
// on the slide), oneValue (n, changes, arm sizes, date ranges), adjustments, grammar (number agreement,
// template leftovers, "; and"), scenarioCauses, segmentHarm, rollbackTriggers, nUnits and phases.
// checkWording runs the sentence-level ones on unstructured text (a PDF LibreOffice printed);
// checkChartLabels reads the labels drawn in forest charts against the segment tables; checkChartNames holds what
// a scenario or guardrail chart's slide says (alt text, notes, captions) to the metrics its chart draws.
//
// Every check returns plain sentences naming the slide and the text, so a failure reads as a review comment.
import type { Decision, RuleOutcome, ScenarioName, ScenarioOutcome, SegmentsRuleOutcome } from '../../src/decide/types.js';
import type { Metric, Spec } from '../../src/spec/normalized.js';
import { OVERALL, segmentValue } from '../../src/model/rows.js';
import { SEGMENT_NOTES, type WrittenSlide } from './marks-checker.js';

export interface StatementTruth {
  spec: Spec;
  decision: Decision;
}

type Check = (slides: WrittenSlide[], truth: StatementTruth, say: (slide: WrittenSlide | undefined, msg: string) => void) => void;

/** Every problem found; empty when every statement checked is true. */
export function checkStatements(slides: WrittenSlide[], truth: StatementTruth, where: string): string[] {
  const problems: string[] = [];
  const say = (slide: WrittenSlide | undefined, msg: string) => problems.push(`${where}${slide ? ` ${slide.id || slide.title}` : ''}: ${msg}`);
  for (const check of CHECKS) check(slides, truth, say);
  return [...new Set(problems)];
}

/**
 * The checks that read sentences alone (labels, raw ids, intervals, grammar): for text without slide structure,
 * such as what a PDF printed by LibreOffice holds.
 */
export function checkWording(slides: WrittenSlide[], truth: StatementTruth, where: string): string[] {
  const problems: string[] = [];
  const say = (slide: WrittenSlide | undefined, msg: string) => problems.push(`${where}${slide ? ` ${slide.id || slide.title}` : ''}: ${msg}`);
  for (const check of [labels, rawIds, intervals, grammar]) check(slides, truth, say);
  return [...new Set(problems)];
}

/** All reader text of a slide, each piece a separate string (cells one by one). */
export function textsOf(s: WrittenSlide): string[] {
  return [s.title, ...s.paragraphs, ...s.tables.flat(2), ...s.alts, ...s.notes];
}

// ── numbers as printed ────────────────────────────────────────────────────────────────────────────────────

const NUM = String.raw`[−+±-]?[$€£]?\d[\d,]*(?:\.\d+)?`;
/** A printed number: "−12.4", "+0.41", "84,631" → its value and decimals. */
export function parseNumber(s: string): { value: number; decimals: number } | undefined {
  const m = /^([−+±-]?)[$€£]?(\d[\d,]*)(?:\.(\d+))?$/.exec(s.trim());
  if (!m) return undefined;
  const v = Number(m[2].replace(/,/g, '') + (m[3] ? `.${m[3]}` : ''));
  return { value: m[1] === '−' || m[1] === '-' ? -v : v, decimals: m[3]?.length ?? 0 };
}
/** "−12.4%", "+0.41 pp", "42.0 min" → number and unit ("%", "pp", "min", ""). */
function quantity(s: string): { value: number; decimals: number; unit: string } | undefined {
  const m = new RegExp(`^(${NUM}) ?(%|pp|[a-z]+)?$`).exec(s.trim());
  const n = m && parseNumber(m[1]);
  return n ? { ...n, unit: m[2] ?? '' } : undefined;
}
/** Whether two printings can be one figure: the finer one rounds to the coarser. */
function sameFigure(a: { value: number; decimals: number }, b: { value: number; decimals: number }): boolean {
  const [fine, coarse] = a.decimals >= b.decimals ? [a, b] : [b, a];
  const step = 10 ** -coarse.decimals;
  return Math.abs(fine.value - coarse.value) <= step / 2 + 1e-9;
}

// ── verdicts and scenarios ────────────────────────────────────────────────────────────────────────────────

const scenario = (d: Decision, name: string): ScenarioOutcome | undefined => d.scenarios.find((s) => s.name === name);
const CASES = String.raw`(best|base|worst)(?:,? (?:and|or) (best|base|worst))?(?: and (best|base|worst))?`;
const namesIn = (m: RegExpExecArray, from = 1) => [m[from], m[from + 1], m[from + 2]].filter(Boolean) as ScenarioName[];
/** A target rule on a primary metric that a scenario does not meet (what "misses a bar" says). */
function missesBar(truth: StatementTruth, s: ScenarioOutcome): boolean {
  const primary = new Set(truth.spec.metrics.filter((m) => m.role === 'primary').map((m) => m.id));
  const target = s.criteria.find((c) => c.id === truth.decision.target);
  // Bad news for the decision: a go rule not met, or a stop rule triggered.
  return Boolean(target?.rules.some((r: RuleOutcome) => r.type === 'metric' && primary.has(r.rule.metric) && r.status === (r.polarity === 'go' ? 'not_met' : 'met')));
}

/** Whether a primary metric has a rule on its overall read in the target criterion: a bar the scenario chart draws. */
function primaryHasBar(truth: StatementTruth): boolean {
  const primary = new Set(truth.spec.metrics.filter((m) => m.role === 'primary').map((m) => m.id));
  const target = truth.decision.criteria.find((c) => c.id === truth.decision.target);
  return Boolean(target?.rules.some((r: RuleOutcome) => r.type === 'metric' && primary.has(r.rule.metric) && r.rule.segment === OVERALL));
}

const verdicts: Check = (slides, truth, say) => {
  const { decision } = truth;
  for (const slide of slides)
    for (const t of textsOf(slide)) {
      // "<criterion> holds …" of a criterion that does not hold (a fallback verdict is no criterion holding).
      for (const c of decision.criteria) if (!c.holds && t.includes(`${c.label} holds`)) say(slide, `says "${c.label}" holds, where its rules do not${decision.verdict.fallback ? ' (the verdict is the fallback)' : ''}`);
      // "<criterion> holds in the best, base and worst cases": in each case named, by its rules, not as the fallback.
      for (const c of decision.criteria)
        for (const m of t.matchAll(new RegExp(`${c.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} holds in the ((?:best|base|worst)(?:(?:, |,? and )(?:best|base|worst))*) cases?`, 'g')))
          for (const name of m[1].split(/,? and |, /))
            if (scenario(decision, name)?.criteria.find((x) => x.id === c.id)?.holds === false) say(slide, `says "${c.label}" holds in the ${name} case, where its rules do not there`);
      // "Recommendation: <label> (option X)."
      const rec = /^Recommendation: (.+?)(?: \(option [^)]*\))?\.(?: |$)/.exec(t);
      if (rec && decision.verdict.label && !rec[1].startsWith(decision.verdict.label)) say(slide, `recommends "${rec[1]}", the decision's verdict is "${decision.verdict.label}"`);
      // "In the worst case the verdict becomes X" / "In the best and worst case(s) …"
      for (const m of t.matchAll(new RegExp(`[Ii]n the ${CASES} cases?,? (?:the (?:verdict|decision)|it) (?:becomes|changes to|turns to|would be) (.+?)(?:[.;:]|, because|$)`, 'g'))) {
        const said = m[4];
        for (const name of namesIn(m as RegExpExecArray)) {
          const s = scenario(decision, name);
          if (!s) say(slide, `names the ${name} case, which the decision does not have`);
          else if (!said.startsWith(s.verdict.label || '\u0000')) say(slide, `says the verdict in the ${name} case becomes "${said}", the decision says "${s.verdict.label}"`);
          else if (!s.flips) say(slide, `says the verdict changes in the ${name} case, where it stays as in the base case`);
        }
      }
      for (const m of t.matchAll(new RegExp(`the ${CASES} cases? miss(?:es)? a bar`, 'gi')))
        for (const name of namesIn(m as RegExpExecArray)) {
          const s = scenario(decision, name.toLowerCase());
          if (s && !missesBar(truth, s)) say(slide, `says the ${name} case misses a bar, where no primary rule of the target criterion gives bad news there`);
        }
      if (/clear their bars/.test(t) && !primaryHasBar(truth)) say(slide, 'says the primary metrics clear their bars, where no primary metric has a rule in the target criterion');
      if (/the verdict holds unless the worst case plays out/i.test(t)) {
        const [best, worst] = [scenario(decision, 'best'), scenario(decision, 'worst')];
        if (best?.flips || !worst?.flips) say(slide, `says "the verdict holds unless the worst case plays out": best ${best?.flips ? 'changes' : 'holds'}, worst ${worst?.flips ? 'changes' : 'holds'}`);
      }
      // "holds in the best and base cases", "holds in the best, base and worst cases": none of those named changes.
      for (const m of t.matchAll(/holds in the ((?:best|base|worst)(?:, (?:best|base|worst))*(?:,? and (?:best|base|worst))?) cases?/g))
        for (const name of m[1].split(/,? and |, /)) if (scenario(decision, name)?.flips) say(slide, `says the verdict holds in the ${name} case, where it changes to "${scenario(decision, name)!.verdict.label}"`);
      if (/verdict holds in (?:every|each|all) (?:three )?cases?/i.test(t) && decision.scenarios.some((s) => s.flips)) say(slide, `says the verdict holds in every case, but it changes in the ${decision.scenarios.filter((s) => s.flips).map((s) => s.name).join(' and ')} case`);
    }
  // The option the deck recommends: the summary title and the one option column marked "(recommended)".
  const option = truth.spec.decision.options.find((o) => o.id === decision.verdict.option);
  const summary = slides.find((s) => s.id === 'exec-summary');
  const named = summary && /^Recommend (?:([A-Z][A-Z0-9]{0,2}), )?(?:“(.+?)”|(.+?))(?:: |$)/.exec(summary.title);
  if (named) {
    const said = named[2] ?? named[3];
    if (!option) say(summary, `recommends "${said}", but the verdict names no option`);
    else if ((named[1] && named[1] !== option.id) || said.toLowerCase() !== option.label.toLowerCase()) say(summary, `recommends "${named[0]}", the verdict's option is ${option.id}, "${option.label}"`);
  }
  for (const slide of slides.filter((s) => s.id === 'tradeoffs'))
    for (const p of slide.paragraphs) {
      const m = /^(?:([A-Za-z0-9]+) · )?(.+) \(recommended\)$/.exec(p);
      if (m && m[2] !== option?.label) say(slide, `marks "${m[2]}" recommended, the verdict's option is ${option ? `"${option.label}"` : 'none'}`);
    }
  const cover = slides.find((s) => s.id === 'title');
  const answer = cover?.notes.map((n) => /Then the answer: (.+?)\. Everything/.exec(n)).find(Boolean);
  if (answer && decision.verdict.label && !answer[1].startsWith(decision.verdict.label)) say(cover, `gives the answer "${answer[1]}", the decision's verdict is "${decision.verdict.label}"`);
  // The scenario cards: "Verdict: X" under each case's heading, "differs from base" exactly where it flips.
  const cards = slides.find((s) => s.id === 'scenarios');
  if (!cards) return;
  let current: ScenarioOutcome | undefined;
  for (const p of cards.paragraphs) {
    const head = /^(Best|Base|Worst) case$/.exec(p);
    if (head) current = scenario(decision, head[1].toLowerCase());
    const v = /^Verdict: (.+?)(?: — differs from base)?$/.exec(p);
    if (!v || !current) continue;
    if (current.verdict.label && !v[1].startsWith(current.verdict.label)) say(cards, `the ${current.name} case shows the verdict "${v[1]}", the decision says "${current.verdict.label}"`);
    if (p.includes('differs from base') !== current.flips) say(cards, `the ${current.name} case ${current.flips ? 'does not say' : 'says'} its verdict differs from base`);
  }
};

// ── "N of M" and other counts ────────────────────────────────────────────────────────────────────────────────

/** The data-gap register: rows with their status cell. */
function register(slides: WrittenSlide[]): { open: number; openBlockers: number; rows: number } | undefined {
  const t = slides.filter((s) => s.id === 'data-gaps').flatMap((s) => s.tables).filter((x) => x[0][0] === 'Gap');
  if (!t.length) return undefined;
  const rows = t.flatMap((x) => x.slice(1));
  return { rows: rows.length, open: rows.filter((r) => /· open\b/.test(r[1] ?? '')).length, openBlockers: rows.filter((r) => /^blocker · open\b/.test(r[1] ?? '')).length };
}

const counts: Check = (slides, truth, say) => {
  const { spec, decision } = truth;
  const reg = register(slides);
  for (const slide of slides) {
    // Recommendation title: "<criterion>: N of M rules met".
    const rec = /^(.+): (\d+) of (\d+) rules? (?:met|hold)/.exec(slide.title);
    const c = rec && decision.criteria.find((x) => x.label === rec[1]);
    if (rec && c) {
      const met = c.rules.filter((r) => r.status === 'met').length;
      if (Number(rec[2]) !== met || Number(rec[3]) !== c.rules.length) say(slide, `the title counts ${rec[2]} of ${rec[3]} rules met, "${c.label}" has ${met} of ${c.rules.length}`);
    }
    // A table too long for one slide continues on "(cont.)" slides in the PPTX: its rows count together.
    const rest = slides.slice(slides.indexOf(slide) + 1);
    const end = rest.findIndex((s) => s.title !== `${slide.title} (cont.)`);
    const cont = end < 0 ? rest : rest.slice(0, end);
    const rows = [slide, ...cont].flatMap((s) => s.tables.flatMap((x) => x.slice(1)));
    const continued = slide.title.endsWith(' (cont.)');
    // A segment table's title: "N of M meet the rule" / "in each of M segments".
    const segRows = [slide, ...cont].flatMap((s) => s.tables.filter((x) => x[0][0] === 'Segment').flatMap((x) => x.slice(1).filter((r) => r[0] !== 'All')));
    const seg = /(\d+) of (\d+) (?:meets?|triggers?) the rule/.exec(slide.title) ?? /in each of (\d+) segments/.exec(slide.title);
    if (seg && !continued && segRows.length && /^(segments|appendix)-/.test(slide.id)) {
      const total = Number(seg[2] ?? seg[1]);
      if (total !== segRows.length) say(slide, `the title counts ${total} segments, the table shows ${segRows.length}`);
    }
    for (const t of textsOf(slide)) {
      // "7 rules met, 1 not met, 2 not triggered"
      const tally = /(\d+) rules? met, (\d+) not met(?:, (\d+) not triggered)?/.exec(t);
      if (tally) {
        const [met, notMet, notTriggered] = [decision.counts.met, decision.counts.not_met, decision.counts.not_triggered];
        if (Number(tally[1]) !== met || Number(tally[2]) !== notMet || (tally[3] !== undefined && Number(tally[3]) !== notTriggered)) say(slide, `counts "${tally[0]}", the decision has ${met} met, ${notMet} not met, ${notTriggered} not triggered`);
      }
      const guard = /\b[Aa]ll (\d+) guardrails\b/.exec(t);
      if (guard && Number(guard[1]) !== decision.guardrails.length) say(slide, `says "${guard[0]}", the decision checks ${decision.guardrails.length}`);
      // Open data gaps: "N of M data gaps are still open", "N known data gaps remain open: A; B; C".
      const gaps = /(\d+|[Nn]o|[Oo]ne) (?:of (\d+) )?(?:known )?data gaps? (?:is|are|remains?) (?:still )?open(?:: (.+?)\. See)?/.exec(t);
      if (gaps && reg) {
        const n = /^\d+$/.test(gaps[1]) ? Number(gaps[1]) : /^one$/i.test(gaps[1]) ? 1 : 0;
        if (n !== reg.open) say(slide, `says ${n} data gap(s) open ("${gaps[0]}"), the register marks ${reg.open} open`);
        if (gaps[2] && Number(gaps[2]) !== spec.data_gaps.length) say(slide, `counts ${gaps[2]} data gaps, the spec records ${spec.data_gaps.length}`);
        const listed = gaps[3] ? spec.data_gaps.filter((g) => gaps[3].includes(g.description)).length : n;
        if (listed !== n) say(slide, `says ${n} data gap(s) open and lists ${listed}: "${gaps[3]}"`);
      }
      // Open blockers among them: "2 of 4 data gaps are still open, 1 of them a blocker", "…, a blocker" (of one).
      const blockers = /still open, (?:(\d+) of them (?:a blocker|blockers)|a blocker)\b/.exec(t);
      if (blockers && reg && (blockers[1] ? Number(blockers[1]) : 1) !== reg.openBlockers) say(slide, `says "${blockers[0]}", the register marks ${reg.openBlockers} open blocker(s)`);
      // Instrumentation checks: "all N … checks passed" only when every planned check passed.
      const inst = /\ball (\d+) instrumentation checks passed|\bthe instrumentation check passed/.exec(t);
      const planned = spec.pilot?.instrumentation ?? [];
      if (inst && planned.length && (planned.some((x) => x.status !== 'passed') || (inst[1] && Number(inst[1]) !== planned.length))) say(slide, `says "${inst[0]}", the spec's ${planned.length} instrumentation check(s) stand at ${planned.map((x) => x.status).join(', ')}`);
    }
    // Titles that count the rows of their own table: risks, workstreams, alerts, steps, milestones, checks.
    const column = (name: string) => slide.tables.find((x) => x[0].includes(name))?.[0].indexOf(name) ?? -1;
    const counted: [RegExp, (n: RegExpExecArray) => [number, number][]][] = [
      [/^(\d+) risks? tracked, (\d+) with high impact/, (m) => [[Number(m[1]), rows.length], [Number(m[2]), rows.filter((r) => r[column('Impact')] === 'high').length]]],
      [/for each of (\d+) workstreams?/, (m) => [[Number(m[1]), rows.length]]],
      [/^(\d+) alerts? watch/, (m) => [[Number(m[1]), rows.length]]],
      [/: (\d+) steps? to roll it out|in (\d+) milestones?/, (m) => [[Number(m[1] ?? m[2]), rows.length]]],
      // a failed check is counted too: "2 passed so far" beside a failed one read as still to come
      [/^(\d+) instrumentation checks? before launch, (\d+) passed(?: so far, (\d+) failed)?/, (m) => [[Number(m[1]), rows.length], [Number(m[2]), rows.filter((r) => r.at(-1) === 'passed').length], [Number(m[3] ?? 0), rows.filter((r) => r.at(-1) === 'failed').length]]],
    ];
    for (const [re, pairs] of counted) {
      const m = re.exec(slide.title);
      if (m && !continued && slide.tables.length && pairs(m).some(([said, shown]) => said !== shown)) say(slide, `the title "${slide.title}" counts ${pairs(m).map(([s]) => s).join(' and ')}, its table shows ${pairs(m).map(([, n]) => n).join(' and ')}`);
    }
    // The overview: "N of M metrics clearly improve, K clearly worsen", counted from its own table.
    const ov = /(\d+) of (\d+) metrics? clearly improves?, (\d+) clearly worsens?/.exec(slide.title);
    const own = slide.tables.find((x) => x[0][0] === 'Metric' && x[0].includes('Change'));
    const table = own && [own[0], ...[slide, ...cont].flatMap((s) => s.tables.filter((x) => x[0].join() === own[0].join()).flatMap((x) => x.slice(1)))];
    if (ov && table && !continued) {
      const ci = table[0].findIndex((h) => /CI$/.test(h));
      let better = 0;
      let worse = 0;
      let counted = 0;
      for (const r of table.slice(1)) {
        const m = spec.metrics.find((x) => x.label === r[0]);
        if (!m || m.role === 'dose' || m.role === 'operational') continue;
        counted++;
        const iv = /^\[(.+), (.+)\]$/.exec(r[ci] ?? '');
        const [lo, hi] = iv ? [quantity(iv[1])?.value, quantity(iv[2])?.value] : [undefined, undefined];
        if (lo === undefined || hi === undefined) continue;
        const dir = lo > 0 ? 1 : hi < 0 ? -1 : 0;
        if (dir === 0) continue;
        if ((dir > 0) === (m.better === 'higher')) better++;
        else worse++;
      }
      if (Number(ov[1]) !== better || Number(ov[2]) !== counted || Number(ov[3]) !== worse) say(slide, `the title says ${ov[1]} of ${ov[2]} improve and ${ov[3]} worsen; the table's outcome metrics give ${better} of ${counted} and ${worse}`);
    }
  }
};

// ── labels, ids ─────────────────────────────────────────────────────────────────────────────────────────────

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Segment values the decision read ("category=Plumbing" → "Plumbing"). */
function segmentValues(d: Decision): string[] {
  const out = new Set<string>();
  for (const c of d.criteria)
    for (const r of c.rules) {
      if (r.type === 'metric') for (const s of r.segments) out.add(s.segment);
      if (r.type === 'segments') for (const s of r.values) out.add(s.segment);
    }
  return [...out].filter((s) => s.includes('=')).map((s) => s.slice(s.indexOf('=') + 1));
}
/**
 * A label may stand as written, or with only its first letter's case changed (a sentence starts with it, or
 * an ordinary capitalised word goes mid-sentence: "Win rate" → "win rate"); never with any other letter
 * changed ("US-only rollout" → "us-only rollout", "12% in the US only" → "12% in the us only").
 */
function acceptable(label: string, shown: string): boolean {
  if (shown === label) return true;
  if (shown.slice(1) !== label.slice(1)) return false;
  const first = label.split(/[\s-]/)[0];
  // An acronym or a mixed-case word keeps its case: "API v2", "McKinsey".
  return !(first.length > 1 && /\p{Lu}/u.test(first.slice(1)));
}

const labels: Check = (slides, truth, say) => {
  const { spec, decision } = truth;
  const named = [
    ...spec.decision.options.map((o) => ['option', o.label] as const),
    ...spec.metrics.map((m) => ['metric', m.label] as const),
    ...segmentValues(decision).map((s) => ['segment', s] as const),
    ...spec.criteria.map((c) => ['criterion', c.label] as const),
  ].filter(([, l]) => /\p{L}/u.test(l));
  // Longer labels first: a shorter label inside a longer one is that label's business.
  named.sort((a, b) => b[1].length - a[1].length);
  for (const slide of slides)
    for (const t of textsOf(slide)) {
      const taken: [number, number][] = [];
      for (const [kind, label] of named) {
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(label)}(?![\\p{L}\\p{N}])`, 'giu');
        for (const m of t.matchAll(re)) {
          const at = m.index!;
          if (taken.some(([a, b]) => at < b && at + m[0].length > a)) continue;
          taken.push([at, at + m[0].length]);
          if (!acceptable(label, m[0])) say(slide, `writes the ${kind} "${label}" as "${m[0]}" in "${clip(t, at)}"`);
        }
      }
    }
};

/** Ids that name nothing for a reader: with an underscore or a digit, or a lower-case word standing for an option. */
const rawIds: Check = (slides, truth, say) => {
  const { spec } = truth;
  const coded = new Set<string>();
  const add = (id: string | undefined) => id && /[_\d]/.test(id) && /[a-z]/i.test(id) && coded.add(id);
  for (const m of spec.metrics) add(m.id);
  for (const c of spec.criteria) add(c.id);
  for (const g of spec.data_gaps) add(g.id);
  for (const o of spec.decision.options) add(o.id);
  for (const s of spec.stakeholders) add(s.id);
  for (const q of spec.source?.checks ?? []) add(q.id);
  // An option id shown to a reader is fine when it is a short code (A, B, C2); a word id is raw.
  const wordOptions = spec.decision.options.map((o) => o.id).filter((id) => !/^[A-Z][A-Z0-9]{0,2}$/.test(id));
  const ids = [...coded].sort((a, b) => b.length - a.length);
  for (const slide of slides)
    for (const t of textsOf(slide)) {
      for (const id of ids) {
        const m = new RegExp(`(?<![\\w-])${escapeRe(id)}(?![\\w-])`).exec(t);
        if (m) say(slide, `shows the raw id "${id}" in "${clip(t, m.index)}"`);
      }
      const seg = /(?<![\w-])[a-z_]+=[^\s,;)]+/i.exec(t);
      if (seg && !/https?:/.test(t)) say(slide, `shows the raw segment key "${seg[0]}" in "${clip(t, seg.index)}"`);
      for (const id of wordOptions) {
        const e = escapeRe(id);
        const m = new RegExp(`\\(option ${e}\\)|\\b[Oo]ption ${e}\\b|^Recommend ${e}\\b|^${e} · `).exec(t);
        // "Recommend ship to 100%" is the label "Ship to 100%", not the id "ship".
        const at = m ? m.index + m[0].length - id.length - (m[0].endsWith(' · ') ? 3 : m[0].endsWith(')') ? 1 : 0) : -1;
        if (m && spec.decision.options.some((o) => t.slice(at).toLowerCase().startsWith(o.label.toLowerCase()))) continue;
        if (m) say(slide, `names the option by its id "${id}" in "${clip(t, m.index)}"`);
      }
    }
};

function clip(t: string, at: number): string {
  const from = Math.max(0, at - 40);
  return `${from ? '…' : ''}${t.slice(from, at + 60)}${at + 60 < t.length ? '…' : ''}`;
}

// ── intervals ────────────────────────────────────────────────────────────────────────────────────────────────

/** Words that give the reason a scenario value lies past its interval's end (the rows of unknown arm, a stated push). */
const REASON = /missing|unknown arm|unassigned|beyond|outside|past (?:its|the) (?:interval|end)|push/i;
const Q = String.raw`${NUM}(?: ?(?:%|pp|[a-z]+))?`;
const intervals: Check = (slides, _truth, say) => {
  const res = [new RegExp(`CI (${Q}) to (${Q})`, 'g'), new RegExp(`\\[(${Q}), (${Q})\\]`, 'g')];
  for (const slide of slides)
    for (const t of textsOf(slide))
      for (const re of res)
        for (const m of t.matchAll(re)) {
          const [a, b] = [quantity(m[1]), quantity(m[2])];
          if (a && b && a.value === b.value && a.unit === b.unit) say(slide, `prints an interval with equal ends, "${m[0]}", in "${clip(t, m.index!)}"`);
          else if (a && b && a.unit === b.unit && a.value > b.value) say(slide, `prints an interval from high to low, "${m[0]}"`);
        }
  // Scenario extremes: a value outside the metric's interval (as the overview prints it) needs its reason on the card.
  const overview = slides.find((s) => s.id === 'metrics-overview')?.tables.find((x) => x[0][0] === 'Metric');
  const cards = slides.find((s) => s.id === 'scenarios');
  if (!overview || !cards) return;
  const ci = overview[0].findIndex((h) => /CI$/.test(h));
  const interval = new Map<string, { lo: number; hi: number; unit: string; decimals: number }>();
  for (const r of overview.slice(1)) {
    const iv = /^\[(.+), (.+)\]$/.exec(r[ci] ?? '');
    const [lo, hi] = iv ? [quantity(iv[1]), quantity(iv[2])] : [];
    if (lo && hi) interval.set(r[0], { lo: lo.value, hi: hi.value, unit: lo.unit, decimals: Math.max(lo.decimals, hi.decimals) });
  }
  let caption = '';
  let name = '';
  for (const p of cards.paragraphs) {
    const head = /^(Best|Base|Worst) case$/.exec(p);
    if (head) [name, caption] = [head[1].toLowerCase(), ''];
    else if (!caption && name && !p.includes(': ')) caption = p;
    const line = /^(.+): (\S+(?: pp)?)$/.exec(p);
    const iv = line && interval.get(line[1]);
    const v = line && quantity(line[2]);
    if (!iv || !v || v.unit !== iv.unit || name === 'base') continue;
    const tol = 10 ** -Math.min(v.decimals, iv.decimals) / 2 + 1e-9;
    const outside = v.value < iv.lo - tol || v.value > iv.hi + tol;
    if (outside && !cards.paragraphs.some((x) => REASON.test(x)))
      say(cards, `the ${name} case puts ${line![1]} at ${line![2]}, outside its interval [${iv.lo}, ${iv.hi}], and the slide gives no reason (the case says "${caption}")`);
  }
};

// ── one figure, one value ────────────────────────────────────────────────────────────────────────────────────

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function isoOf(s: string, year: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const m = /^([A-Z][a-z]{2}) (\d{1,2})$/.exec(s);
  const i = m ? MONTHS.indexOf(m[1]) : -1;
  return i < 0 ? undefined : `${year}-${String(i + 1).padStart(2, '0')}-${m![2].padStart(2, '0')}`;
}

const oneValue: Check = (slides, truth, say) => {
  // n per metric and segment: the same in every table that prints it.
  const n = new Map<string, { value: string; slide: WrittenSlide }>();
  for (const slide of slides) {
    const metric = /^(?:segments|appendix)-(.+)$/.exec(slide.id)?.[1];
    if (!metric) continue;
    for (const t of slide.tables) {
      const col = t[0].indexOf('n');
      if (t[0][0] !== 'Segment' || col < 0) continue;
      for (const r of t.slice(1)) {
        const key = `${metric} · ${r[0].replace(/\*$/, '').replace(/ \(exploratory\)$/, '')}`;
        const seen = n.get(key);
        if (seen && seen.value !== r[col]) say(slide, `prints n = ${r[col]} for ${key}, "${seen.slide.id}" prints ${seen.value}`);
        else if (!seen) n.set(key, { value: r[col], slide });
      }
    }
  }
  // Arm sizes on the context slide are the analysed arms: they add up to an n the tables print for All.
  const allN = new Set([...n].filter(([k]) => k.endsWith(' · All')).map(([, v]) => parseNumber(v.value)?.value));
  for (const slide of slides)
    for (const t of textsOf(slide)) {
      const arms = /(?:arm sizes \(|[Aa]nalysed arms: )(?:control|[^)]*?) ([\d,]+), (?:treatment|[^)]*?) ([\d,]+)\b/.exec(t);
      if (!arms || !allN.size) continue;
      const sum = parseNumber(arms[1])!.value + parseNumber(arms[2])!.value;
      if (!allN.has(sum)) say(slide, `gives arm sizes ${arms[1]} and ${arms[2]} (${sum} in all), where the tables' n for All are ${[...allN].join(', ')}`);
    }
  // A change printed twice (segment or appendix table, overview, the summary's cards) rounds to one figure.
  const change = new Map<string, { value: string; slide: WrittenSlide }>();
  for (const slide of slides) {
    const metric = /^(?:segments|appendix)-(.+)$/.exec(slide.id)?.[1];
    for (const t of slide.tables) {
      const col = t[0].indexOf(slide.id === 'exec-summary' ? 'Value' : 'Change');
      if (col < 0) continue;
      for (const r of t.slice(1)) {
        const label = metric ? `${metric} · ${r[0].replace(/\*$/, '')}` : t[0][0] === 'Metric' ? `${truth.spec.metrics.find((m) => m.label === r[0])?.id} · All` : undefined;
        const v = quantity(r[col] ?? '');
        if (!label || !v) continue;
        const seen = change.get(label);
        const sv = seen && quantity(seen.value);
        if (sv && sv.unit === v.unit && !sameFigure(sv, v)) say(slide, `prints the change of ${label} as ${r[col]}, "${seen!.slide.id}" as ${seen!.value}`);
        else if (!seen) change.set(label, { value: r[col], slide });
      }
    }
  }
  // Window dates: one range, one end; and one format for every date range.
  const year = truth.spec.deck.date.slice(0, 4);
  const DATE = String.raw`\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2} \d{1,2}`;
  const ends = new Map<string, { end: string; text: string }>();
  const formats = new Set<string>();
  for (const slide of slides)
    for (const t of textsOf(slide))
      for (const m of t.matchAll(new RegExp(`(?<![\\w-])(${DATE}) (?:to|–|-) (${DATE})\\b`, 'g'))) {
        const [a, b] = [isoOf(m[1], year), isoOf(m[2], year)];
        if (!a || !b) continue;
        formats.add(/^\d/.test(m[1]) ? 'ISO' : 'short');
        const seen = ends.get(a.slice(5));
        if (seen && seen.end.slice(5) !== b.slice(5)) say(slide, `ends the range from ${m[1]} at ${m[2]}, elsewhere "${seen.text}"`);
        else if (!seen) ends.set(a.slice(5), { end: b, text: m[0] });
      }
  if (formats.size > 1) say(undefined, `writes date ranges in two formats (${[...ends.values()].map((e) => `"${e.text}"`).join(', ')})`);
};

// ── claims of adjustment ───────────────────────────────────────────────────────────────────────────────────────

const SHOWS_ADJUSTED = (s: WrittenSlide) => s.tables.some((t) => t[0].some((h) => /^(adj\.? )?p\b|p-value|adjusted/i.test(h))) || textsOf(s).some((t) => /\bp(?:adj)? = \d|adjusted (?:p|interval)s? /i.test(t) && !/p-values adjusted across/.test(t));
const adjustments: Check = (slides, _truth, say) => {
  const claims = (t: string) => /p-values?,? (?:are |were )?adjusted|(?<!not )adjusted (?:for multiple comparisons|p-values?)|\(Holm\)|adjusted with Holm/i.test(t);
  const anyShown = slides.some(SHOWS_ADJUSTED);
  // No stage measures an option's share of the gain or its risk: the phrase has nothing behind it on any decision.
  for (const slide of slides) if (textsOf(slide).some((t) => /most of the gain at the least risk/i.test(t))) say(slide, `claims "buys most of the gain at the least risk", which no option-level gain or risk in the decision backs`);
  for (const slide of slides) {
    const claim = textsOf(slide).find(claims);
    if (!claim) continue;
    const data = /^(deep-dive|segments|appendix)-/.test(slide.id);
    // A deep-dive may point to its segment table on the next slide ("in the table that follows").
    const next = slides[slides.indexOf(slide) + 1];
    const pointed = /table that follows|next slide/i.test(claim) && next && SHOWS_ADJUSTED(next);
    if (data && !SHOWS_ADJUSTED(slide) && !pointed) say(slide, `claims an adjustment ("${clip(claim, 0)}") but shows no adjusted p-value or interval`);
    else if (!data && !anyShown) say(slide, `claims an adjustment ("${clip(claim, 0)}") that no slide of the deck shows`);
  }
};

// ── grammar of the template vocabulary ─────────────────────────────────────────────────────────────────────────

const NOUNS: Record<string, string> = Object.fromEntries(
  ['gap', 'segment', 'metric', 'rule', 'check', 'guardrail', 'day', 'risk', 'workstream', 'step', 'alert', 'case', 'option', 'week', 'stakeholder', 'milestone', 'issue', 'scenario', 'slide', 'measure', 'row', 'arm', 'category', 'criterion'].map((n) => [n, n]),
);
const PLURAL: Record<string, string> = { category: 'categories', criterion: 'criteria' };
const pluralOf = (n: string) => PLURAL[n] ?? `${n}s`;
const SINGULAR_OF = new Map<string, { noun: string; plural: boolean }>(Object.keys(NOUNS).flatMap((n) => [[n, { noun: n, plural: false }], [pluralOf(n), { noun: n, plural: true }]]));
const NOUN_AFTER_NUMBER = new RegExp(`(?<![\\w.,−+–-])(\\d+)((?: (?:[a-z-]+|\\d+-[a-z]+)){0,3}?) (${[...SINGULAR_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');
const VERBS: [string, string][] = [['remains', 'remain'], ['is', 'are'], ['meets', 'meet'], ['improves', 'improve'], ['worsens', 'worsen'], ['has', 'have'], ['passes', 'pass'], ['fails', 'fail'], ['stays', 'stay'], ['triggers', 'trigger'], ['shows', 'show'], ['was', 'were'], ['misses', 'miss'], ['holds', 'hold'], ['flips', 'flip'], ['becomes', 'become'], ['watches', 'watch'], ['lies', 'lie'], ['clears', 'clear'], ['says', 'say'], ['needs', 'need']];
const VERB = new Map<string, boolean>(VERBS.flatMap(([s, p]) => [[s, false], [p, true]]));

/** The segment values a decision reads, longest first: a value may end in a number, which no count is. */
function segmentValuesOf(decision: Decision): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'segment' && typeof x === 'string') {
          if (x !== OVERALL) found.add(segmentValue(x));
        } else walk(x);
      }
  };
  walk(decision);
  return [...found].sort((a, b) => b.length - a.length);
}

const grammar: Check = (slides, truth, say) => {
  // "US West 1 show the pattern" names segments; it counts nothing: such names read as one word here.
  // (a segment no rule reads is named by its table only)
  const tabled = slides.flatMap((s) => s.tables.filter((t) => t[0][0] === 'Segment').flatMap((t) => t.slice(1).map((r) => r[0].replace(/\*$/, '').replace(SEGMENT_NOTES, ''))));
  const numbered = [...new Set([...segmentValuesOf(truth.decision), ...tabled])].filter((v) => /\d$/.test(v)).sort((a, b) => b.length - a.length);
  for (const slide of slides)
    for (const t of textsOf(slide)) {
      const counted = numbered.reduce((text, v) => text.split(v).join('Segment'), t);
      // A numeral and its noun: "1 known data gap", "the 1 segments" (up to 3 words between, none a number).
      for (const m of counted.matchAll(NOUN_AFTER_NUMBER)) {
        const noun = SINGULAR_OF.get(m[3]);
        // Only adjectives may stand between: an article, a preposition or a verb starts another phrase ("6 meet the rule").
        if (!noun || /\b(?:of|per|to|than|in|at|and|or|the|a|an|its|their|each|every|by|for|on)\b/.test(m[2]) || m[2].split(' ').some((w) => VERB.has(w))) continue;
        // "none of its 2 rules is triggered": the subject is "none", not the count.
        const one = m[1] === '1';
        if (one === noun.plural) say(slide, `"${m[0]}": ${m[1]} with the ${noun.plural ? 'plural' : 'singular'} "${m[3]}"`);
        // …and its verb: "1 known data gap remain open".
        const after = counted.slice(m.index! + m[0].length).match(/^ (?:still |clearly |all )?([a-z]+)\b/);
        const plural = after && VERB.get(after[1]);
        // In "1 of 7 metrics improves" the verb agrees with the 1, checked below.
        // "none of its 2 rules is triggered": the verb agrees with "none", not the count.
        const pronoun = /\b(?:none|each|one|any|either|neither) of (?:its |the |their )?$/i.test(counted.slice(0, m.index));
        if (plural !== undefined && plural !== null && plural === one && !pronoun && !/\d+ of $/.test(counted.slice(0, m.index))) say(slide, `"${m[0]}${after![0]}": ${m[1]} ${m[3]} with "${after![1]}"`);
      }
      // "N of M things VERB": the verb agrees with N. "1 of 7 metrics clearly improve", "1 clearly worsen".
      for (const m of counted.matchAll(/(?<![\w.,−+–-])(\d+) (?:of \d+ (?:[a-z-]+ ){0,2}?)?(?:still |clearly )?([a-z]+)\b/g)) {
        const plural = VERB.get(m[2]);
        if (plural === undefined) continue;
        if ((m[1] === '1') === plural) say(slide, `"${m[0]}": ${m[1]} with "${m[2]}"`);
      }
      // A label with nothing after it: "Data quality: ." (a list of clauses that came out empty).
      // (A colon that ends the text leads into a list below it, as "Roll back when this happens:".)
      const empty = /([^\s.:;]+(?: [^\s.:;]+){0,3}):\s*[.;,)]/.exec(t);
      if (empty) say(slide, `"${empty[0].trim()}": a label with nothing after it`);
      // "all 0 guardrails within their limits": a claim about every member of nothing.
      const none = /\ball 0 [a-z]+/.exec(t);
      if (none) say(slide, `"${none[0]}": all of none`);
      // Two cases named together take a plural: "the best and worst case misses a bar".
      const two = /\b(best|base|worst) and (best|base|worst) case (misses|flips|becomes|holds|turns|changes)\b/.exec(t);
      if (two) say(slide, `"${two[0]}": two cases with a singular noun and verb`);
      if (/^(<{7}|={7}|>{7})|<{7} |>{7} /m.test(t)) say(slide, `shows a merge-conflict marker in "${clip(t, t.search(/<{7}|={7}|>{7}/))}"`);
      if (/\{\{|\}\}/.test(t)) say(slide, `shows template syntax in "${clip(t, t.indexOf('{{') >= 0 ? t.indexOf('{{') : t.indexOf('}}'))}"`);
      if (/; and /.test(t)) say(slide, `joins a list with "; and" in "${clip(t, t.indexOf('; and'))}"`);
      if (/\b(\w+) \1\b/i.test(t.replace(/\d+/g, '')) && /\b(the|a|of|to|and|is) \1\b/i.test(t)) say(slide, `repeats a word in "${clip(t, t.search(/\b(the|a|of|to|and|is) \1\b/i))}"`);
    }
};


// ── what a flip turns on, harm in a segment, the rollback's triggers, n's unit ──────────────────────────────

/** Labels of what differs between the base case and a scenario: the metrics (or gaps) whose rules changed outcome. */
function flipCauses(truth: StatementTruth, s: ScenarioOutcome): string[] {
  const { spec, decision } = truth;
  const base = scenario(decision, 'base');
  const label = (id: string) => spec.metrics.find((m) => m.id === id)?.label ?? id;
  const out = new Set<string>();
  for (const c of s.criteria)
    c.rules.forEach((r, i) => {
      const b = base?.criteria.find((x) => x.id === c.id)?.rules[i];
      if (b && b.status === r.status) return;
      if (r.type === 'metric') out.add(label(r.rule.metric));
      // a guardrails rule turns on those past (or not clear of) their limits there, or on those that were and come within
      else if (r.type === 'guardrails') for (const id of [...r.breached, ...r.unclear, ...r.unread, ...(b?.type === 'guardrails' ? [...b.breached, ...b.unclear].filter((x) => r.within.includes(x)) : [])]) out.add(label(id));
      else if (r.type === 'segments') for (const x of r.rule.pattern) out.add(label(x.metric));
      else out.add(spec.data_gaps.find((g) => g.id === r.rule.gap)?.description ?? r.rule.gap);
    });
  return [...out];
}

const scenarioCauses: Check = (slides, truth, say) => {
  const shown = slides.filter((s) => s.id === 'scenarios' || /^scenarios-chart(-\d+)?$/.test(s.id));
  if (!shown.length) return;
  // What a reader sees (notes are the speaker's): titles, sentences, chart descriptions; not the cards' "Label: value" lines.
  const visible = shown.flatMap((s) => [s.title, ...s.paragraphs.filter((p) => !/^[^:]+: [−+±]?\d[^ ]*( pp)?$/.test(p)), ...s.alts]).join('\n').toLowerCase();
  for (const s of truth.decision.scenarios) {
    if (!s.flips) continue;
    const causes = flipCauses(truth, s);
    if (causes.length && !causes.some((c) => visible.includes(c.toLowerCase()))) say(shown[0], `the ${s.name} case changes the verdict, but no scenario slide names what turns it (${causes.join(', ')}) outside the notes`);
  }
};

/** A title that counts a metric's clearly worse segments and names the worst: "clearly worse in 14 segments, worst in X (−18.4%)". */
const COUNTED = /clearly worse in (\d+) segments(?: after the [\w-]+ adjustment)?, worst in (.+) \(([^()]+)\)$/;

const segmentHarm: Check = (slides, truth, say) => {
  const { spec } = truth;
  const summary = slides.find((s) => s.id === 'exec-summary');
  /** Per metric, the segments its tables show clearly harmed, with their change and interval. */
  const harmed = new Map<Metric, Map<string, { change: number; interval: string }>>();
  for (const slide of slides) {
    const metricId = /^(?:segments|appendix)-(.+)$/.exec(slide.id)?.[1];
    const m = spec.metrics.find((x) => x.id === metricId);
    if (!m || (m.role !== 'primary' && m.role !== 'guardrail')) continue;
    for (const t of slide.tables) {
      if (t[0][0] !== 'Segment') continue;
      // Judged on the adjusted interval when the table shows one (the adjustment the deck names).
      const adj = t[0].findIndex((h) => /adjusted/i.test(h) && /CI|interval/i.test(h));
      const col = adj >= 0 ? adj : t[0].findIndex((h) => /CI$/.test(h));
      // A segment's adjusted p-value, where the table shows one, decides whether its harm is clear after the adjustment.
      const pCol = t[0].indexOf('p');
      const alpha = 1 - spec.decision.confidence;
      const changeCol = t[0].indexOf('Change');
      for (const r of t.slice(1)) {
        if (r[0] === 'All') continue;
        const seg = r[0].replace(/\*$/, '').replace(SEGMENT_NOTES, '');
        const marked = /clearly worse\)$/.test(r[0]);
        const p = pCol >= 0 ? Number(/^(?:< )?([\d.]+)$/.exec(r[pCol] ?? '')?.[1]) : NaN;
        const iv = /^\[(.+), (.+)\]$/.exec(r[col] ?? '');
        const [lo, hi] = iv ? [quantity(iv[1])?.value, quantity(iv[2])?.value] : [];
        const harm = !(Number.isFinite(p) && p >= alpha) && lo !== undefined && hi !== undefined && (m.better === 'higher' ? hi < 0 : lo > 0);
        // An interval end printed as ±0 may lie just past zero: the mark is judged at full precision.
        const atZero = lo !== undefined && hi !== undefined && (m.better === 'higher' ? hi === 0 : lo === 0);
        // the table says in words which rows are clearly worse: every one, and no other
        if (harm !== marked && !(marked && atZero)) say(slide, `${harm ? 'does not mark' : 'marks'} ${seg} clearly worse on ${m.label}, whose row reads ${r[col]}${pCol >= 0 ? `, p ${r[pCol]}` : ''}`);
        if (!harm && !(marked && atZero)) continue;
        if (!harmed.get(m)?.has(seg)) harmed.set(m, (harmed.get(m) ?? new Map()).set(seg, { change: quantity(r[changeCol] ?? '')?.value ?? NaN, interval: r[col] }));
        const deepDive = slides.find((s) => s.id === `deep-dive-${m.id}`) ?? slide;
        if (!deepDive.title.includes(seg) && !slide.title.includes(seg) && !COUNTED.test(slide.title.replace(/ \(cont\.\)$/, ''))) say(slide, `${seg} is clearly harmed on ${m.label} (${r[col]}) but no title names it ("${deepDive.title}")`);
      }
    }
  }
  // Past three segments on a metric, a deep-dive title and the summary may count them instead of naming each: the
  // count is the segment table's (over every page it takes), the worst named its largest harm.
  for (const [m, rows] of harmed) {
    // the worst as printed: segments tied at the table's precision are each the worst a reader can see
    const harm = (x: { change: number }) => (m.better === 'lower' ? x.change : -x.change);
    const top = Math.max(...[...rows.values()].map(harm));
    const worsts = [...rows].filter(([, x]) => harm(x) === top).map(([seg]) => seg);
    const worst = worsts.join(' or ');
    const checkCount = (where: WrittenSlide, text: string, n: string, named?: string) => {
      if (Number(n) !== rows.size) say(where, `counts ${n} segments clearly worse on ${m.label}; its segment table shows ${rows.size} ("${text}")`);
      if (Number(n) <= 3) say(where, `counts ${n} segments clearly worse on ${m.label} instead of naming them ("${text}")`);
      if (named !== undefined && !worsts.includes(named)) say(where, `names ${named} the worst clearly worse segment on ${m.label}; its segment table's is ${worst}`);
    };
    const deepDive = slides.find((s) => s.id === `deep-dive-${m.id}`);
    const counted = deepDive && COUNTED.exec(deepDive.title);
    if (counted) checkCount(deepDive, deepDive.title, counted[1], counted[2]);
    for (const table of slides.filter((s) => s.id === `segments-${m.id}` || s.id === `appendix-${m.id}`)) {
      const c = COUNTED.exec(table.title.replace(/ \(cont\.\)$/, ''));
      if (c) checkCount(table, table.title, c[1], c[2]);
    }
    if (!summary) continue;
    const label = m.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const said = textsOf(summary).flatMap((t) => {
      // the worst's change is signed: "worst in US West (EU) 1 (−$2.82)"
      const c = new RegExp(`${label} (?:is clearly worse )?in (\\d+) segments(?:, worst in (.+?) \\([−+][^()]*\\))?`).exec(t);
      return c ? [{ t, c }] : [];
    });
    if (said.length) for (const { t, c } of said) checkCount(summary, t, c[1], c[2]);
    else for (const [seg, { interval }] of rows) if (!textsOf(summary).some((x) => x.includes(seg))) say(summary, `does not name ${seg}, clearly harmed on ${m.label} (${interval})`);
  }
};

/**
 * "15 segments show the pattern, among them A, B and C" (a brief reason): the count is a segments rule's, past three,
 * and the segments named are its first three, nothing else.
 */
const segmentPatterns: Check = (slides, truth, say) => {
  const rules = truth.decision.criteria.flatMap((c) => c.rules).filter((r): r is SegmentsRuleOutcome => r.type === 'segments');
  for (const slide of slides)
    for (const t of textsOf(slide))
      for (const m of t.matchAll(/(\d+) segments show the pattern, among them (.+?)(?=\. |\.$|$)/g)) {
        const n = Number(m[1]);
        if (n <= 3) say(slide, `counts ${n} segments showing a pattern instead of naming them ("${clip(t, m.index!)}")`);
        const namesFirst = (r: SegmentsRuleOutcome) => {
          const first = r.offenders.slice(0, 3).map(segmentValue);
          // what is left once the names are taken out is only the list's joints
          let rest = m[2];
          for (const name of [...first].sort((a, b) => b.length - a.length)) rest = rest.replace(name, '');
          return first.every((name) => m[2].includes(name)) && /^(?:, | and |,)*$/.test(rest);
        };
        if (!rules.some((r) => r.offenders.length === n && namesFirst(r))) say(slide, `"${clip(t, m.index!)}": no segments rule has ${n} segments showing its pattern, led by those named`);
      }
};

const rollbackTriggers: Check = (slides, truth, say) => {
  const slide = slides.find((s) => s.id === 'rollback');
  if (!slide) return;
  const triggers = new Set([...(truth.spec.rollback?.triggers ?? []), ...truth.spec.decision.options.flatMap((o) => o.rollback?.triggers ?? [])]);
  let lead = slide.title;
  for (const p of slide.paragraphs) {
    if (!triggers.has(p)) {
      lead = p;
      continue;
    }
    // A trigger is a condition, not a sentence: the line before says what happens when it holds.
    if (!/\b(roll(?:s|ed)? back|revert|pull(?:s)? back)\b[^.]*:$/i.test(lead)) say(slide, `lists the trigger "${p}" with no sentence that says to roll back when it holds (before it: "${lead}")`);
  }
};

const nUnits: Check = (slides, _truth, say) => {
  for (const slide of slides)
    for (const t of slide.tables)
      // The unit may head the column ("n (requests)") or stand under the table ("n: quoted requests, both arms").
      if (t[0][0] === 'Segment' && t[0].includes('n') && !slide.paragraphs.some((p) => /^n: \S/.test(p))) say(slide, `heads a column "n" without saying what it counts`);
};

// ── the phase's own deck ──────────────────────────────────────────────────────────────────────────────────────

const phases: Check = (slides, truth, say) => {
  const { spec, decision } = truth;
  const cover = slides.find((s) => s.id === 'title');
  if (spec.phase === 'final' && spec.pilot) {
    for (const slide of slides) {
      if (/^(pilot|design)-/.test(slide.id)) say(slide, `a pre-pilot slide in the readout`);
      for (const t of textsOf(slide)) if (/\buntil the (?:final )?readout\b|\bproposal\b/i.test(t)) say(slide, `pre-pilot wording in the readout: "${clip(t, t.search(/until the|proposal/i))}"`);
    }
    // A go verdict changes something: its option's rollout, monitoring and rollback come with it (stopping changes nothing).
    const go = decision.criteria.find((c) => c.id === decision.verdict.criterion)?.polarity === 'go';
    if (decision.verdict.option && go) for (const id of ['plan', 'monitoring', 'rollback']) if (!slides.some((s) => s.id === id)) say(undefined, `the readout recommends option ${decision.verdict.option} but has no ${id} slide for it`);
  }
  const week = spec.interim?.week;
  if (spec.phase === 'interim' && week && cover && !textsOf(cover).some((t) => new RegExp(`\\bweek ${week}\\b`, 'i').test(t))) say(cover, `the interim cover does not say it reports week ${week}`);
};

const CHECKS: Check[] = [verdicts, counts, labels, rawIds, intervals, oneValue, adjustments, grammar, scenarioCauses, segmentHarm, segmentPatterns, rollbackTriggers, nUnits, phases];

/** A chart as written beside the deck (charts/<id>.vl.json): its id and the data its marks are labelled from. */
export interface WrittenChart {
  id: string;
  values: Record<string, unknown>[];
  /** The labels its row axis names, lines joined with '\n' (forest, guardrail and scenario charts). */
  rows?: string[];
}

/** A chart as written, read from its Vega-Lite spec: the data, and the row axis' labels (a scenario chart's metric names stand in its label expression). */
export function writtenChart(id: string, spec: Record<string, unknown>): WrittenChart {
  const values = (spec as { data?: { values?: Record<string, unknown>[] } }).data?.values ?? [];
  const layers = (spec as { layer?: { encoding?: { y?: { axis?: { labelExpr?: string } } } }[] }).layer ?? [];
  const heads = layers.map((l) => l.encoding?.y?.axis?.labelExpr ?? '').map((e) => /split\((\{.*\})\[datum\.value\]/.exec(e)?.[1]).find(Boolean);
  const rows = heads ? Object.values(JSON.parse(heads) as Record<string, string>) : values.map((v) => v.label).filter((l): l is string => typeof l === 'string');
  return { id, values, rows };
}

/**
 * A scenario or guardrail chart's slide names only the metrics its chart draws, and the chart's alt text names each
 * of them: alt text, notes and captions. A guardrail's line may also name a guardrail no chart draws (one without a
 * read). Charts past the first go on as scenarios-primary-2 (slide scenarios-chart-2), guardrails-all-2 (slide
 * guardrails-2) …
 */
export function checkChartNames(charts: WrittenChart[], slides: WrittenSlide[], truth: StatementTruth, where: string): string[] {
  const problems: string[] = [];
  const squeeze = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  // A drawn label is the metric's label wrapped onto lines, or its first two lines cut with '…'.
  const drawnAs = (row: string, label: string) => squeeze(row) === squeeze(label) || (row.endsWith('…') && squeeze(label).startsWith(squeeze(row).slice(0, -1)));
  const kinds = [
    { chart: /^guardrails-all(?:-(\d+))?$/, slide: 'guardrails', role: 'guardrail' },
    { chart: /^scenarios-primary(?:-(\d+))?$/, slide: 'scenarios-chart', role: 'primary' },
  ];
  for (const kind of kinds) {
    // Any metric may be named; a chart draws those of its role.
    const all = truth.spec.metrics;
    const metrics = all.filter((m) => m.role === kind.role);
    const ofKind = charts.filter((c) => kind.chart.test(c.id));
    const drawnAnywhere = new Set(ofKind.flatMap((c) => metrics.filter((m) => c.rows?.some((r) => drawnAs(r, m.label)))));
    for (const chart of ofKind) {
      const n = kind.chart.exec(chart.id)![1];
      const slide = slides.find((s) => s.id === (n ? `${kind.slide}-${n}` : kind.slide));
      if (!slide) {
        problems.push(`${where} ${chart.id}: no slide ${n ? `${kind.slide}-${n}` : kind.slide} shows it`);
        continue;
      }
      const drawn = metrics.filter((m) => chart.rows?.some((r) => drawnAs(r, m.label)));
      if (drawn.length !== (chart.rows ?? []).length) problems.push(`${where} ${chart.id}: draws rows ${JSON.stringify(chart.rows)}, not each the label of one ${kind.role} metric`);
      // Labels named in a text, longest first, each occurrence counted once ("Hire rate" inside "7-day hire rate" is not
      // named); one right after a number is a unit ("by 2.27 quotes per request"), not a name.
      const named = (text: string) => {
        let rest = text.toLowerCase();
        const found = [];
        for (const m of [...all].sort((a, b) => b.label.length - a.label.length)) {
          const at = new RegExp(`(?<!\\d ?)${m.label.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
          if (at.test(rest)) (found.push(m), (rest = rest.replace(at, ' ')));
        }
        return found;
      };
      const line = /^[✓✗○] [a-z ]+? — /;
      for (const t of [...slide.alts, ...slide.notes, ...slide.paragraphs.filter((p) => !line.test(p))])
        for (const m of named(t)) if (!drawn.includes(m)) problems.push(`${where} ${slide.id}: names ${m.label}, which its chart ${chart.id} does not draw ("${t.slice(0, 80)}…")`);
      for (const p of slide.paragraphs.filter((x) => line.test(x)))
        for (const m of named(p.replace(line, '').split(':')[0])) if (!drawn.includes(m) && drawnAnywhere.has(m)) problems.push(`${where} ${slide.id}: the line of ${m.label} stands beside chart ${chart.id}, which does not draw it`);
      for (const m of drawn) if (!slide.alts.some((a) => named(a).includes(m))) problems.push(`${where} ${slide.id}: its chart ${chart.id} draws ${m.label}, its alt text does not name it`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Labels drawn inside forest charts ("−0.22pp [−0.55pp, +0.12pp]") against the segment table of the same
 * metric: the same figures, and no end drawn as 0 that the table prints as a signed change ("[0pp, +4pp]"
 * beside "−0.4 pp to +4.5 pp").
 */
export function checkChartLabels(charts: WrittenChart[], slides: WrittenSlide[], where: string): string[] {
  const problems: string[] = [];
  for (const chart of charts) {
    // forest-<metric>, and forest-<metric>.2, .3 … for the charts a metric's many segments go on to.
    const metric = /^forest-(.+?)(?:\.\d+)?$/.exec(chart.id)?.[1];
    const table = slides.filter((s) => s.id === `segments-${metric}` || s.id === `appendix-${metric}`).flatMap((s) => s.tables).find((t) => t[0][0] === 'Segment');
    if (!metric || !table) continue;
    const change = table[0].indexOf('Change');
    const ci = table[0].findIndex((h) => /CI$/.test(h));
    for (const v of chart.values) {
      const m = /^(\S+) \[(\S+), (\S+)\]/.exec(String(v.note ?? ''));
      const row = table.find((r) => r[0].replace(/\*$/, '').replace(/ \(exploratory\)$/, '') === String(v.label ?? '').replace(/\*$/, ''));
      const iv = row && /^\[(.+), (.+)\]$/.exec(row[ci] ?? '');
      if (!m || !row || !iv) continue;
      const pairs: [string, string][] = [[m[1], row[change]], [m[2], iv[1]], [m[3], iv[2]]];
      for (const [drawn, printed] of pairs) {
        const [a, b] = [quantity(drawn), quantity(printed)];
        if (!a || !b) continue;
        const zeroOnOne = (a.value === 0) !== (b.value === 0);
        if (!sameFigure(a, b) || zeroOnOne) problems.push(`${where} ${chart.id}: draws ${v.label} as "${v.note}", the table prints ${row[change]} ${row[ci]}`);
      }
    }
  }
  return [...new Set(problems)];
}
