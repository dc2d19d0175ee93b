// Reads a deck as a reader meets it — the written Markdown outline or the written PPTX — and checks every
// mark it shows ("✓ met", "✗ not met", "✗ triggered", "✓ not triggered", "○ no data") against the
// Decision: each mark is tied to the rule or metric it stands beside (by the slide it is on, the row, the
// label before it) and must equal that rule's one outcome. A mark that cannot be tied to a rule is a
// problem too: a slide says nothing about a rule it cannot back. The checker never reads the composer's
// data; the outline's slide ids (<!-- id · kind · section -->) are part of the written outline.
//
// Issue 15 extends this into a checker of every statement; the parsing here (outlineSlides, pptxSlides)
// and the label matching are meant to be reused.
import type { Decision, GuardrailOutcome, MetricRuleOutcome, RuleOutcome } from '../../src/decide/types.js';
import { headlineOutcome } from '../../src/decide/headline.js';
import type { Checkpoint } from '../../src/decide/checkpoint.js';
import type { Spec } from '../../src/spec/normalized.js';
import type { PptxDocument } from '../../src/review/pptx-text.js';
import { allOf, markOf, MARK_WORD, NEWS, NEWS_SYMBOL, type Mark, type Status } from '../../src/model/outcomes.js';
import { OVERALL } from '../../src/model/rows.js';
import { readHistory } from '../../src/review/history.js';

/** What a segment table adds after a segment's value: exploratory (not pre-specified), clearly worse, or both. */
export const SEGMENT_NOTES = / \((?:exploratory|clearly worse|exploratory, clearly worse)\)$/;

export interface WrittenSlide {
  id: string;
  title: string;
  paragraphs: string[];
  /** Each table as rows of cells, header first. */
  tables: string[][][];
  alts: string[];
  notes: string[];
}

const WORD_MARK = Object.fromEntries(Object.entries(MARK_WORD).map(([k, w]) => [w, k as Mark])) as Record<string, Mark>;
const MARK_RE = /([✓✗○]) (not triggered|triggered|not met|met|not yet clear|no data)\b/g;

/** Every mark in a text, with where it starts and ends; a symbol that contradicts its word is reported. */
export function marksIn(text: string): { mark: Mark; at: number; end: number; symbolOk: boolean }[] {
  return [...text.matchAll(MARK_RE)].map((m) => {
    const mark = WORD_MARK[m[2]];
    return { mark, at: m.index!, end: m.index! + m[0].length, symbolOk: NEWS_SYMBOL[NEWS[mark]] === m[1] };
  });
}

/** Markdown escapes undone, so labels compare as written in the spec. */
function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** The written outline, slide by slide. */
export function outlineSlides(md: string): WrittenSlide[] {
  const parts = md.split(/\n(?=## \d+\. )/).slice(1);
  return parts.map((part) => {
    const lines = part.split('\n');
    const title = unescape(lines[0].replace(/^## \d+\. /, ''));
    const id = /<!-- (\S+) ·/.exec(part)?.[1] ?? '';
    const slide: WrittenSlide = { id, title, paragraphs: [], tables: [], alts: [], notes: [] };
    let table: string[][] | undefined;
    for (const raw of lines.slice(1)) {
      if (raw.startsWith('|')) {
        if (/^\|( --- \|)+$/.test(raw)) continue;
        const cells = raw.slice(2, -2).split(/(?<!\\) \| /).map((c) => unescape(c).trim());
        if (!table) slide.tables.push((table = []));
        table.push(cells);
        continue;
      }
      table = undefined;
      if (!raw.trim() || raw.startsWith('<!--')) continue;
      if (raw.startsWith('*Chart:* ')) slide.alts.push(unescape(raw.slice(9).replace(/ \(\[[^\]]*\]\([^)]*\)\)$/, '')));
      else if (raw.startsWith('>')) slide.notes.push(unescape(raw.replace(/^> ?(\*\*Notes:\*\* )?/, '')));
      else slide.paragraphs.push(unescape(raw.replace(/^(\s*(- |\d+\. )|### )/, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/^\*(.*)\*$/, '$1')));
    }
    return slide;
  });
}

/** The written PPTX, slide by slide, each named by the outline slide it shows (a "(cont.)" slide continues one). */
export function pptxSlides(doc: PptxDocument, outline: WrittenSlide[]): { slides: WrittenSlide[]; problems: string[] } {
  const problems: string[] = [];
  let at = -1;
  const slides = doc.slides.map((s) => {
    const title = s.title.replace(/ \(cont\.\)$/, '');
    if (s.title === title || outline[at]?.title !== title) at = outline.findIndex((o, i) => i > at && o.title === title);
    if (at < 0) problems.push(`PPTX slide "${s.title}" matches no outline slide`);
    const slide = { id: outline[at]?.id ?? '', title: s.title, paragraphs: s.texts.map((p) => p.text), tables: s.tables, alts: s.alts, notes: s.notes };
    for (const t of outline[at]?.tables ?? []) if (!slide.tables.some((x) => x[0]?.join('|') === t[0].join('|'))) fromCards(slide, t[0]);
    return slide;
  });
  return { slides, problems };
}

/**
 * A table of one or two rows may be set as cards: the row's first cell heads the card, each other column
 * reads "Header: value" under it. Reads such cards back into the table the outline shows.
 */
function fromCards(slide: WrittenSlide, header: string[]): void {
  const rows: string[][] = [];
  const keep: string[] = [];
  const p = slide.paragraphs;
  for (let i = 0; i < p.length; i++) {
    const values = header.slice(1).map((h, j) => (p[i + 1 + j]?.startsWith(`${h}: `) ? p[i + 1 + j].slice(h.length + 2) : undefined));
    if (values.every((v) => v !== undefined)) {
      rows.push([p[i] === header[0] ? '' : p[i], ...(values as string[])]);
      i += header.length - 1;
    } else keep.push(p[i]);
  }
  if (!rows.length) return;
  slide.paragraphs = keep;
  slide.tables = [...slide.tables, [header, ...rows]];
}

export interface Truth {
  spec: Spec;
  decision: Decision;
  /** The checkpoint the deck compares with, when it has a "since" slide. */
  previous?: Checkpoint;
}

/** What the checkers hold a decided deck to: its spec, its decision and the checkpoint before (the "since" slide reads it). */
export function truthOfRun(run: { load?: { spec: Spec; dir: string }; decide?: Decision }): Truth {
  const previous = [...readHistory(run.load!.dir).checkpoints].pop();
  return { spec: run.load!.spec, decision: run.decide!, ...(previous ? { previous } : {}) };
}

/** Problems found: a mark that differs from its rule's outcome, or that stands beside no rule. Empty when the deck is true. */
export function checkMarks(slides: WrittenSlide[], truth: Truth, where: string): string[] {
  const { spec, decision } = truth;
  const problems: string[] = [];
  const metricByLabel = new Map(spec.metrics.map((m) => [m.label, m]));
  const segmentsOf = (o: MetricRuleOutcome) => o.segments.map((s) => s.segment);
  const allRules = decision.criteria.flatMap((c) => c.rules);
  let recommendationRow = 0;

  const headline = (metricId: string): { mark: Mark; o: MetricRuleOutcome | GuardrailOutcome } | undefined => {
    const o = headlineOutcome(decision, metricId);
    return o && { mark: markOf(o.status, o.polarity), o };
  };
  /** The headline rule of a metric on one of its rows: 'All' or a segment's value (a '*' or '(exploratory)' marks exploratory, '(clearly worse)' a harm). */
  const rowMark = (metricId: string, label: string): Mark | undefined => {
    const h = headline(metricId);
    if (!h) return undefined;
    const value = label.replace(/\*$/, '').replace(SEGMENT_NOTES, '');
    if (value === 'All') return h.mark;
    if (h.o.type !== 'metric') return undefined;
    const seg = h.o.segments.find((s) => s.segment.slice(s.segment.indexOf('=') + 1) === value);
    return seg && markOf(seg.status, h.o.polarity);
  };
  /** Marks in a list "Label ✓ met, Other label ✗ not met": each tied to the longest label just before it. */
  const listed = (text: string, labels: string[], expect: (label: string) => Mark | undefined, what: string): number => {
    const found = marksIn(text);
    for (const f of found) {
      const before = text.slice(0, f.at).trimEnd();
      const label = labels.filter((l) => before.endsWith(l)).sort((a, b) => b.length - a.length)[0];
      if (label === undefined) problems.push(`${where} ${what}: a mark (${MARK_WORD[f.mark]}) beside no known label in "${text}"`);
      else compare(f.mark, expect(label), `${what}, ${label}`);
    }
    return found.length;
  };
  let claimed = 0;
  const compare = (shown: Mark, expected: Mark | undefined, what: string) => {
    claimed++;
    if (expected === undefined) problems.push(`${where} ${what}: shows ${MARK_WORD[shown]} where no rule grades it`);
    else if (shown !== expected) problems.push(`${where} ${what}: shows ${MARK_WORD[shown]}, the decision says ${MARK_WORD[expected]}`);
  };
  const one = (text: string, expected: Mark | undefined, what: string) => {
    for (const f of marksIn(text)) compare(f.mark, expected, what);
  };

  for (const slide of slides) {
    claimed = 0;
    const texts = [slide.title, ...slide.paragraphs, ...slide.tables.flat(2), ...slide.alts, ...slide.notes];
    for (const t of texts) for (const f of marksIn(t)) if (!f.symbolOk) problems.push(`${where} ${slide.id}: "${t.slice(f.at, f.end)}" carries the wrong symbol for its word`);
    const id = slide.id;
    // A metric's forest charts past the first go on as deep-dive-<metric>.2, .3 … (a metric id holds no '.').
    const metricId = /^(deep-dive|segments|appendix)-(.+?)(?:\.\d+)?$/.exec(id)?.[2];

    if (id === 'exec-summary') {
      for (const t of slide.tables) if (t[0][0] === 'Metric') for (const r of t.slice(1)) one(r[2] ?? '', metricByLabel.get(r[0]) && headline(metricByLabel.get(r[0])!.id)?.mark, `card ${r[0]}`);
      let current: string | undefined;
      for (const p of slide.paragraphs) {
        if (metricByLabel.has(p)) current = p;
        else if (marksIn(p).length) one(p, current ? headline(metricByLabel.get(current)!.id)?.mark : undefined, `card ${current ?? '(no label)'}`);
      }
    } else if (id === 'since-last-checkpoint') {
      for (const p of slide.paragraphs) {
        const m = /^(.*) flipped from (.*) to (.*)\.$/.exec(p);
        const c = m && decision.criteria.find((x) => x.label === m[1]);
        if (!m || !c) continue;
        const before = truth.previous?.criteria?.find((x) => x.id === c.id);
        one(m[2], before && markOf(before.status, before.polarity), `criterion ${c.label} before`);
        one(m[3], markOf(c.status, c.polarity), `criterion ${c.label} now`);
      }
    } else if (id.startsWith('deep-dive-') && metricId) {
      const h = headline(metricId);
      const labels = ['All', ...(h?.o.type === 'metric' ? segmentsOf(h.o).flatMap((s) => [s.slice(s.indexOf('=') + 1), `${s.slice(s.indexOf('=') + 1)}*`]) : [])];
      for (const a of slide.alts) listed(a, labels, (l) => rowMark(metricId, l), 'forest row');
      for (const p of slide.paragraphs) one(p, h?.mark, 'reading');
      const phrase: Record<Mark, string> = { met: 'meets its rule', not_met: 'misses its rule', triggered: 'triggers', not_triggered: 'does not trigger', not_clear: 'not yet clear against its limit', no_data: 'no data for its rule' };
      if (h && !slide.title.includes(phrase[h.mark])) problems.push(`${where} ${id}: the title "${slide.title}" does not say "${phrase[h.mark]}"`);
    } else if ((id.startsWith('segments-') || id.startsWith('appendix-')) && metricId) {
      for (const t of slide.tables) if (t[0].at(-1) === 'Rule') for (const r of t.slice(1)) one(r.at(-1) ?? '', rowMark(metricId, r[0]), `segment row ${r[0]}`);
      const h = headline(metricId);
      const count = /: (\d+) of (\d+) (meets?|triggers?) the rule/.exec(slide.title);
      if (count && h?.o.type === 'metric') {
        const want: Status = 'met';
        const n = h.o.segments.filter((s) => s.status === want).length;
        if (Number(count[1]) !== n) problems.push(`${where} ${id}: the title counts ${count[1]} segments, the decision ${n}`);
      }
    } else if (/^guardrails(-\d+)?$/.test(id) || id === 'interim-safety') {
      // Guardrails past what one chart draws go on as guardrails-2, -3 …
      const labels = decision.guardrails.map((g) => spec.metrics.find((m) => m.id === g.metric)!.label);
      const byLabel = (l: string) => {
        const g = decision.guardrails.find((x) => spec.metrics.find((m) => m.id === x.metric)!.label === l);
        return g && markOf(g.status, g.polarity);
      };
      for (const a of slide.alts) listed(a.split(/; (past the limit|closest to its limit)/)[0], labels, byLabel, 'guardrail chart');
      for (const p of slide.paragraphs) {
        const m = /^([✓✗○] [a-z ]+?) — (.*)$/.exec(p);
        if (!m) continue;
        const label = labels.filter((l) => m[2].startsWith(`${l}:`)).sort((a, b) => b.length - a.length)[0];
        one(m[1], label ? byLabel(label) : undefined, `guardrail ${label ?? m[2]}`);
      }
      for (const t of slide.tables) if (t[0][0] === 'Guardrail') t.slice(1).forEach((r, i) => one(r.at(-1) ?? '', decision.guardrails[i] && markOf(decision.guardrails[i].status, 'stop'), `guardrail row ${i + 1}`));
    } else if (id === 'metrics-overview') {
      for (const t of slide.tables) if (t[0].at(-1) === 'Rule') for (const r of t.slice(1)) one(r.at(-1) ?? '', metricByLabel.get(r[0]) && headline(metricByLabel.get(r[0])!.id)?.mark, `metric ${r[0]}`);
    } else if (id === 'tradeoff-frontier') {
      const primaries = spec.metrics.filter((m) => m.role === 'primary');
      const [hx, hy] = primaries.slice(0, 2).map((m) => headline(m.id)?.o);
      const both = hx?.type === 'metric' && hy?.type === 'metric' && hx.polarity === hy.polarity ? [hx, hy] : undefined;
      const segments = both ? [...new Set([...segmentsOf(both[0])])] : [];
      const at = (o: MetricRuleOutcome, seg: string): Status => (seg === OVERALL ? o.status : (o.segments.find((s) => s.segment === seg)?.status ?? 'no_data'));
      const expect = (label: string): Mark | undefined => {
        if (!both) return undefined;
        const seg = label === 'All' ? OVERALL : segments.find((s) => s.endsWith(`=${label}`));
        return seg ? markOf(allOf([at(both[0], seg), at(both[1], seg)]), both[0].polarity) : undefined;
      };
      const labels = ['All', ...segments.map((s) => s.slice(s.indexOf('=') + 1))];
      for (const t of [...slide.alts, ...slide.paragraphs]) listed(t, labels, expect, 'trade-off point');
    } else if (id === 'tradeoffs') {
      for (const p of slide.paragraphs) {
        const m = /^([✓✗○] [a-z ]+?): (.*)$/.exec(p);
        if (!m) continue;
        const c = decision.criteria.filter((x) => m[2].startsWith(x.label)).sort((a, b) => b.label.length - a.label.length)[0];
        one(m[1], c && markOf(c.status, c.polarity), `criterion ${c?.label ?? m[2]}`);
      }
    } else if (/^scenarios-chart(-\d+)?$/.test(id)) {
      const primaries = spec.metrics.filter((m) => m.role === 'primary');
      for (const t of [...slide.alts, ...slide.notes])
        for (const part of t.split(/(?<=\.) (?=Treatment also )/)) {
          const rule = /against its rule: best (.+?), base (.+?), worst (.+?)(\.|$)/.exec(part);
          if (!rule) continue;
          // the metric the sentence is about: "treatment (also) raises <label> by …"; a unit may repeat another label
          const said = /\btreatment (?:also )?(?:leaves (.+?) unchanged|[a-z]+ (.+?) by )/i.exec(part);
          const subject = (said?.[1] ?? said?.[2])?.toLowerCase();
          const m =
            primaries.find((x) => x.label.toLowerCase() === subject) ??
            primaries.filter((x) => part.toLowerCase().includes(x.label.toLowerCase())).sort((a, b) => b.label.length - a.label.length)[0];
          (['best', 'base', 'worst'] as const).forEach((name, i) => {
            const sc = decision.scenarios.find((s) => s.name === name);
            const r = m && sc?.criteria.find((c) => c.id === decision.target)?.rules.find((x): x is MetricRuleOutcome => x.type === 'metric' && x.rule.metric === m.id && x.rule.segment === OVERALL);
            one(rule[i + 1], r && markOf(r.status, r.polarity), `scenario ${name}, ${m?.label ?? '(metric?)'}`);
          });
        }
    } else if (id === 'recommendation') {
      for (const t of slide.tables)
        if (t[0][0] === 'Criterion')
          for (const r of t.slice(1)) {
            const rule: RuleOutcome | undefined = allRules[recommendationRow++];
            one(r.at(-1) ?? '', rule && markOf(rule.status, rule.polarity), `recommendation row ${recommendationRow}`);
          }
    }

    const shown = texts.reduce((n, t) => n + marksIn(t).length, 0);
    if (shown !== claimed) problems.push(`${where} ${id || slide.title}: ${shown - claimed} mark(s) beside no rule the checker can find`);
  }
  if (slides.some((s) => s.id === 'recommendation') && recommendationRow !== allRules.length) problems.push(`${where}: the recommendation table shows ${recommendationRow} rules, the decision has ${allRules.length}`);
  return problems;
}
