import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout.js';
import { BODY_BOTTOM, FLOOR, FOOTER, SLIDE } from '../../src/layout/grid.js';
import { cellFitFor, paragraphsHeightIn } from '../../src/layout/textfit.js';
import { textWidthPt } from '../../src/layout/measure.js';
import { defaultTheme } from '../../src/deck/theme.js';
import type { Deck, Slide, SlideKind } from '../../src/deck/types.js';
import type { Box, Placed, PlacedSlide } from '../../src/layout/types.js';
import { chart, everyKind, longTable, longText, mediumText, meta, sampleDeck, stressSlides } from './fixtures.js';

const EPS = 1e-6;
const deckOf = (...slides: Slide[]): Deck => ({ meta, slides });
const texts = (s: PlacedSlide) => s.items.filter((i): i is Extract<Placed, { type: 'text' }> => i.type === 'text');

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x + a.w > b.x + 0.005 && b.x + b.w > a.x + 0.005 && a.y + a.h > b.y + 0.005 && b.y + b.h > a.y + 0.005;
}

const all = layoutDeck(deepFreeze(structuredClone(sampleDeck)), defaultTheme);

describe('layoutDeck', () => {
  it('has a layout rule for every slide kind and keeps the deck order', () => {
    const kinds = new Set(everyKind.map((s) => s.kind));
    const expected: SlideKind[] = ['title', 'section', 'exec-summary', 'chart', 'table', 'comparison', 'scenarios', 'register', 'raci', 'runbook', 'bullets'];
    expect([...kinds].sort()).toEqual([...expected].sort());
    expect(all.slides.map((s) => s.number)).toEqual(all.slides.map((_, i) => i + 1));
    expect([...new Set(all.slides.map((s) => s.sourceId))]).toEqual(sampleDeck.slides.map((s) => s.id));
  });

  it('is a pure function: the same deck gives the same boxes twice', () => {
    expect(layoutDeck(sampleDeck, defaultTheme)).toEqual(all);
  });

  it('keeps every box inside the slide', () => {
    for (const s of all.slides)
      for (const i of s.items) {
        const b = i.box;
        expect(b.x, `${s.sourceId} ${i.type}`).toBeGreaterThanOrEqual(0);
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.w).toBeGreaterThan(0);
        expect(b.h).toBeGreaterThan(0);
        expect(b.x + b.w, `${s.sourceId} ${i.type}`).toBeLessThanOrEqual(SLIDE.w + EPS);
        expect(b.y + b.h, `${s.sourceId} ${i.type}`).toBeLessThanOrEqual(SLIDE.h + EPS);
      }
  });

  it('keeps body content above the footer and content boxes apart', () => {
    for (const s of all.slides) {
      const content = s.items.filter((i) => i.type !== 'shape' && !(i.type === 'text' && i.role === 'footer'));
      for (const i of content) expect(i.box.y + i.box.h, `${s.sourceId} ${i.type}`).toBeLessThanOrEqual(FOOTER.y + EPS);
      for (let a = 0; a < content.length; a++)
        for (let b = a + 1; b < content.length; b++) expect(overlaps(content[a].box, content[b].box), `${s.sourceId}: ${a} × ${b}`).toBe(false);
    }
  });

  it('makes every text box tall enough for its text, measured with the real font metrics', () => {
    for (const s of all.slides)
      for (const t of texts(s)) expect(paragraphsHeightIn(t.paragraphs, t.sizePt, t.box.w), `${s.sourceId}: ${t.paragraphs[0]?.text}`).toBeLessThanOrEqual(t.box.h + EPS);
  });

  it('never sets type under the floors', () => {
    for (const s of all.slides)
      for (const i of s.items) {
        if (i.type === 'table') expect(i.sizePt).toBeGreaterThanOrEqual(FLOOR.table);
        if (i.type === 'text') expect(i.sizePt).toBeGreaterThanOrEqual(i.role === 'footer' || i.role === 'caption' ? FLOOR.footer : FLOOR.body);
        if (i.type === 'title') expect(i.sizePt).toBeGreaterThanOrEqual(FLOOR.body);
      }
  });

  it('puts the title first in reading order and a footer with the slide number last', () => {
    for (const s of all.slides.filter((x) => x.kind !== 'title')) {
      const firstTitle = s.items.findIndex((i) => i.type === 'title' && i.role === 'title');
      const firstBody = s.items.findIndex((i) => i.type !== 'title' && i.type !== 'shape');
      expect(firstTitle).toBeLessThan(firstBody);
      const last = s.items[s.items.length - 1];
      expect(last.type === 'text' && last.paragraphs[0].text).toBe(String(s.number));
    }
  });

  it('keeps the aspect of charts and their alt text', () => {
    const charts = new Map(everyKind.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : []))).map((c) => [c.id, c]));
    const images = all.slides.flatMap((s) => s.items.filter((i) => i.type === 'image'));
    expect(images).toHaveLength(charts.size);
    for (const img of images) {
      if (img.type !== 'image') continue;
      const c = charts.get(img.chartId)!;
      expect(img.box.w / img.box.h).toBeCloseTo(c.width / c.height, 6);
      expect(img.alt).toBe(c.alt);
    }
  });

  it('puts takeaways beside a chart that fits in 8 columns and below a wide one', () => {
    const [narrow] = all.slides.filter((s) => s.sourceId === 'chart-ttfq');
    const img = narrow.items.find((i) => i.type === 'image')!;
    const body = texts(narrow).find((t) => t.role === 'body')!;
    expect(body.box.x).toBeGreaterThan(img.box.x + img.box.w);
    const [wide] = all.slides.filter((s) => s.sourceId === 'chart-wide');
    const wimg = wide.items.find((i) => i.type === 'image')!;
    expect(texts(wide).find((t) => t.role === 'body')!.box.y).toBeGreaterThan(wimg.box.y + wimg.box.h);
  });

  it('sets the marks compose wrote, word for word: layout never adds or rewrites a mark', () => {
    const exec = all.slides.find((s) => s.sourceId === 'exec-summary')!;
    const words = texts(exec).flatMap((t) => t.paragraphs.map((p) => p.text));
    expect(words).toEqual(expect.arrayContaining(['✓ met', '✗ triggered', '○ no data']));
    const table = all.slides.find((s) => s.sourceId === 'table-segments')!.items.find((i) => i.type === 'table');
    expect(table?.type === 'table' && table.rows.map((r) => r[4].text)).toEqual(['✓ met', '✓ met', '✗ not met']);
    const bullets = all.slides.flatMap((s) => texts(s).flatMap((t) => t.paragraphs.map((p) => p.text)));
    expect(bullets).toContain('Ticket guardrail breach unresolved');
  });
});

describe('a one-page summary', () => {
  const dense = stressSlides.find((x) => x.id === 'dense-exec')!;
  const closing = (optional: boolean) => [
    { text: 'Rollout: Day 0, flip the flag to 50% in the top-5 categories, owned by engineering, with the support FAQ fix shipped first.', optional },
    { text: 'Rollback: Eng on call within 30 minutes; first trigger: support tickets per 100 requests more than 10% above control for 2 days.', optional },
  ];
  const withClosing = (optional: boolean, extra = 2): Slide => ({
    ...dense,
    notes: ['Lead with the recommendation.'],
    // the stress fixture's first reason only: with all six it takes two slides whatever is left off
    blocks: [...dense.blocks.slice(0, -1), { type: 'bullets', items: [...(dense.blocks.at(-1) as { items: { text: string }[] }).items.slice(0, 1), ...closing(optional).slice(0, extra)] }],
  });
  const bodyTexts = (s: PlacedSlide) => texts(s).flatMap((t) => t.paragraphs.map((p) => p.text));

  it('leaves its optional items off, last first, rather than go on to a second slide, and its notes carry them', () => {
    // The same lines, not optional: the slide goes on to a second one, so leaving them off is what keeps it to one.
    expect(layoutDeck(deckOf(withClosing(false)), defaultTheme).slides.length).toBeGreaterThan(1);
    const [page, ...rest] = layoutDeck(deckOf(withClosing(true)), defaultTheme).slides;
    expect(rest).toEqual([]);
    const shown = bodyTexts(page);
    const off = closing(true).filter((c) => !shown.includes(c.text));
    expect(off.length).toBeGreaterThan(0);
    // last first: whatever stays is a prefix of the optional items
    expect(closing(true).slice(0, 2 - off.length).every((c) => shown.includes(c.text))).toBe(true);
    expect(page.notes).toEqual(['Lead with the recommendation.', `Left off the slide for room: ${off.map((c) => c.text).join(' ')}`]);
  });

  it('shows items in their brief words when leaving optional items off is not enough, and its notes carry the full ones', () => {
    // All six reasons: two slides whatever is left off (above). With brief words for them (the last four said in the
    // third's), it keeps to one.
    const reasons = (dense.blocks.at(-1) as { items: { text: string; level?: 0 | 1 }[] }).items;
    const briefed: Slide = {
      ...dense,
      notes: ['Lead with the recommendation.'],
      blocks: [...dense.blocks.slice(0, -1), { type: 'bullets', items: [...reasons.map((r, i) => ({ ...r, brief: i < 2 ? `Reason ${i + 1} in brief.` : i === 2 ? 'Reasons 3 to 6 in brief.' : '' })), ...closing(true)] }],
    };
    const plain: Slide = { ...briefed, blocks: [...dense.blocks.slice(0, -1), { type: 'bullets', items: [...reasons, ...closing(true)] }] };
    expect(layoutDeck(deckOf(plain), defaultTheme).slides.length).toBeGreaterThan(1);
    const [page, ...rest] = layoutDeck(deckOf(briefed), defaultTheme).slides;
    expect(rest).toEqual([]);
    const shown = bodyTexts(page);
    expect(shown).toEqual(expect.arrayContaining(['Reason 1 in brief.', 'Reason 2 in brief.', 'Reasons 3 to 6 in brief.']));
    expect(shown.filter((t) => t.startsWith('Reason') && !t.endsWith('in brief.'))).toEqual([]);
    const off = closing(true).filter((c) => !shown.includes(c.text));
    expect(page.notes).toEqual([
      'Lead with the recommendation.',
      `Shortened on the slide for room: ${reasons.map((r) => r.text).join(' ')}`,
      ...(off.length ? [`Left off the slide for room: ${off.map((c) => c.text).join(' ')}`] : []),
    ]);
  });

  it('keeps an optional item the slide has room for', () => {
    const [page, ...rest] = layoutDeck(deckOf({ ...withClosing(true, 1), blocks: withClosing(true, 1).blocks.filter((b) => b.type !== 'kpis') }), defaultTheme).slides;
    expect(rest).toEqual([]);
    expect(bodyTexts(page)).toContain(closing(true)[0].text);
    expect(page.notes).toEqual(['Lead with the recommendation.']);
  });
});

describe('splits and shrinking', () => {
  it('continues a long table with (cont.) and the header repeated, leaving an info diagnostic per split', () => {
    const r = layoutDeck(deckOf(longTable), defaultTheme);
    expect(r.slides.length).toBeGreaterThan(1);
    expect(r.slides.slice(1).every((s) => s.title === 'All 60 segments (cont.)' && s.part > 0)).toBe(true);
    const tables = r.slides.map((s) => s.items.find((i) => i.type === 'table')!).filter((t) => t.type === 'table');
    expect(tables.every((t) => t.type === 'table' && t.header.join() === 'Segment,Control,Treatment,Change')).toBe(true);
    const rows = tables.flatMap((t) => (t.type === 'table' ? t.rows.map((row) => row[0].text) : []));
    expect(rows).toEqual(longTable.blocks[0].type === 'table' ? longTable.blocks[0].rows.map((row) => row[0].text) : []);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual(r.slides.slice(1).map(() => ['layout/split', 'info']));
    // Columns keep their widths across the split.
    const widths = tables.map((t) => (t.type === 'table' ? t.colWidths.map((w) => w.toFixed(3)).join() : ''));
    expect(new Set(widths).size).toBe(1);
  });

  it('sets the key (caption) of a split table under every part, below the rows and inside the slide', () => {
    const table = longTable.blocks[0];
    if (table.type !== 'table') throw new Error('longTable holds a table');
    const key = 'n: requests, both arms. p: All as read; each segment’s adjusted across the 60 segments (Holm).';
    const r = layoutDeck(deckOf({ ...longTable, blocks: [{ ...table, caption: key }] }), defaultTheme);
    expect(r.slides.length).toBeGreaterThan(1);
    for (const s of r.slides) {
      const placed = s.items.find((i) => i.type === 'table')!;
      const caption = texts(s).find((t) => t.role === 'caption' && t.paragraphs[0].text === key);
      expect(caption, `slide part ${s.part}`).toBeDefined();
      expect(caption!.box.y).toBeGreaterThanOrEqual(placed.box.y + placed.box.h);
      expect(caption!.box.y + caption!.box.h).toBeLessThanOrEqual(BODY_BOTTOM + 1e-9);
    }
    // Every row still shows once.
    const rows = r.slides.flatMap((s) => s.items.flatMap((i) => (i.type === 'table' ? i.rows.map((row) => row[0].text) : [])));
    expect(rows).toEqual(table.rows.map((row) => row[0].text));
  });

  it('shrinks a longer paragraph before splitting it', () => {
    const r = layoutDeck(deckOf(mediumText), defaultTheme);
    expect(r.slides).toHaveLength(1);
    const body = texts(r.slides[0]).find((t) => t.role === 'body')!;
    expect(body.sizePt).toBeLessThan(16);
    expect(body.sizePt).toBeGreaterThanOrEqual(FLOOR.body);
    expect(r.diagnostics).toEqual([]);
  });

  it('splits a paragraph too long for one slide at the floor, losing no words', () => {
    const r = layoutDeck(deckOf(longText), defaultTheme);
    expect(r.slides.length).toBeGreaterThan(1);
    expect(r.slides[1].title).toBe('Method notes (cont.)');
    const bodies = r.slides.map((s) => texts(s).find((t) => t.role === 'body')!);
    expect(bodies.every((b) => b.sizePt === FLOOR.body)).toBe(true);
    const words = bodies.flatMap((b) => b.paragraphs.map((p) => p.text)).join(' ').split(/\s+/);
    const original = longText.blocks[0].type === 'text' ? longText.blocks[0].text.split(/\s+/) : [];
    expect(words).toEqual(original);
    expect(r.slides[0].notes).toEqual(['Long.']);
    expect(r.slides[1].notes).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ code: 'layout/split', severity: 'info', field: 'slides.long-text' });
  });

  it('continues a numbered list with its numbering', () => {
    const steps: Slide = {
      id: 'steps', kind: 'runbook', section: 'Plan', title: 'Steps', notes: [],
      blocks: [{ type: 'bullets', items: Array.from({ length: 40 }, (_, i) => ({ text: `Step ${i + 1}: check the dashboard and confirm with the owner on call` })) }],
    };
    const r = layoutDeck(deckOf(steps), defaultTheme);
    expect(r.slides.length).toBeGreaterThan(1);
    const nums = r.slides.flatMap((s) => texts(s).filter((t) => t.role === 'body').flatMap((t) => t.paragraphs.map((p) => p.number)));
    expect(nums).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('splits overfull comparison columns into continued columns', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ text: `Consideration ${i + 1} with enough words to wrap in a narrow column` }));
    const cmp: Slide = {
      id: 'cmp', kind: 'comparison', section: 'Options', title: 'Options', notes: [],
      blocks: [{ type: 'columns', columns: [{ heading: 'A', blocks: [{ type: 'bullets', items: many }] }, { heading: 'B', blocks: [{ type: 'text', text: 'Short.' }] }] }],
    };
    const r = layoutDeck(deckOf(cmp), defaultTheme);
    expect(r.slides.length).toBeGreaterThan(1);
    const headings = texts(r.slides[1]).filter((t) => t.role === 'heading').map((t) => t.paragraphs[0].text);
    expect(headings).toEqual(['A (cont.)', 'B (cont.)']);
  });

  it('moves whole rows of KPI cards that do not fit to a continuation', () => {
    const kpi = { label: 'Metric with a long label that wraps', value: '+1.0%', detail: '90% CI −1.0% to +3.0%; a detail that runs over two lines in a card', tone: 'pass' as const };
    const exec: Slide = { id: 'kpis', kind: 'exec-summary', section: 'Summary', title: 'Many metrics', notes: [], blocks: [{ type: 'kpis', items: Array.from({ length: 12 }, (_, i) => ({ ...kpi, label: `${kpi.label} ${i + 1}` })) }] };
    const r = layoutDeck(deckOf(exec), defaultTheme);
    const labels = r.slides.flatMap((s) => texts(s).filter((t) => t.role === 'kpi-label').map((t) => t.paragraphs[0].text));
    expect(labels).toHaveLength(12);
    expect(r.slides.length).toBeGreaterThan(1);
    for (const s of r.slides) for (const i of s.items.filter((x) => !(x.type === 'text' && x.role === 'footer'))) expect(i.box.y + i.box.h).toBeLessThanOrEqual(FOOTER.y + EPS);
  });

  it('shortens an over-long footer to one line with an ellipsis', () => {
    const r = layoutDeck({ meta: { ...meta, title: 'A deck title '.repeat(30) }, slides: [everyKind[11]] }, defaultTheme);
    const foot = texts(r.slides[0]).find((t) => t.role === 'footer' && t.align === 'left')!;
    expect(foot.paragraphs[0].text.endsWith('…')).toBe(true);
    expect(paragraphsHeightIn(foot.paragraphs, foot.sizePt, foot.box.w) * 72).toBeLessThan(2 * foot.lineHeightPt);
  });

  it('widens narrow table columns so that no word breaks', () => {
    const reg = all.slides.find((s) => s.sourceId === 'register')!.items.find((i) => i.type === 'table');
    if (reg?.type !== 'table') throw new Error('no table');
    const likelihood = reg.colWidths[1] - 2 * reg.pad.x;
    expect(likelihood * 72 * cellFitFor('bold')).toBeGreaterThanOrEqual(textWidthPt('Likelihood', reg.sizePt, 'bold'));
  });

  it('places nothing for empty blocks instead of failing', () => {
    const empty: Slide = {
      id: 'empty', kind: 'bullets', section: '', title: 'Empty', notes: [],
      blocks: [{ type: 'bullets', items: [] }, { type: 'kpis', items: [] }, { type: 'columns', columns: [] }, { type: 'table', header: [], rows: [] }, { type: 'text', text: '  ' }],
    };
    const r = layoutDeck(deckOf(empty), defaultTheme);
    expect(r.slides).toHaveLength(1);
    expect(r.slides[0].items.map((i) => i.type)).toEqual(['title', 'text', 'text']);
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps a lead line above the chart and carries surplus takeaways to a continuation', () => {
    const takeaways = Array.from({ length: 30 }, (_, i) => ({ text: `Takeaway ${i + 1}: a reading of the chart that needs a line or two in the side panel` }));
    const s: Slide = {
      id: 'chart-lead', kind: 'chart', section: 'Results', title: 'Chart with a lead', notes: [],
      blocks: [{ type: 'text', role: 'lead', text: 'The effect is large and stable.' }, { type: 'chart', chart: chart('c1', 7, 4) }, { type: 'bullets', items: takeaways }],
    };
    const r = layoutDeck(deckOf(s), defaultTheme);
    const first = r.slides[0];
    const lead = texts(first).find((t) => t.role === 'lead')!;
    const img = first.items.find((i) => i.type === 'image')!;
    expect(lead.box.y + lead.box.h).toBeLessThanOrEqual(img.box.y);
    expect(r.slides.length).toBeGreaterThan(1);
    expect(r.slides[1].items.some((i) => i.type === 'image')).toBe(false);
    const all = r.slides.flatMap((x) => texts(x).filter((t) => t.role === 'body').flatMap((t) => t.paragraphs.map((p) => p.text)));
    // Each takeaway stands whole on one slide (it fits one): none starts on a slide and ends on the next.
    expect(all).toEqual(takeaways.map((t) => t.text));
  });

  it('marks the tail of an item split across slides as continued, without a number of its own', () => {
    const long = 'A single step so long that it cannot fit on one slide even at the floor size, repeated. '.repeat(60).trim();
    const s: Slide = { id: 'one', kind: 'runbook', section: 'Plan', title: 'One long step', notes: [], blocks: [{ type: 'bullets', items: [{ text: long }, { text: 'Next step' }] }] };
    const r = layoutDeck(deckOf(s), defaultTheme);
    const paras = r.slides.map((x) => texts(x).filter((t) => t.role === 'body').flatMap((t) => t.paragraphs));
    expect(paras[0][0]).toMatchObject({ number: 1, bullet: 'number' });
    expect(paras[1][0]).toMatchObject({ continued: true, number: undefined, bullet: 'number' });
    expect(paras.flat().find((p) => p.text === 'Next step')).toMatchObject({ number: 2 });
  });

  it('follows the theme: its footer text and mark, and no numbers when slideNumbers is off', () => {
    const theme = { ...defaultTheme, footer: 'Acme Growth', confidentiality: 'Internal', slideNumbers: false };
    const r = layoutDeck({ meta: { ...meta, confidentiality: undefined }, slides: [everyKind[11]] }, theme);
    const foot = texts(r.slides[0]).filter((t) => t.role === 'footer');
    expect(foot.map((t) => t.paragraphs[0].text)).toEqual(['Acme Growth  ·  Internal']);
  });

  it('puts a subtitle under the title and starts the body below it', () => {
    const s = all.slides.find((x) => x.sourceId === 'table-segments')!;
    const title = s.items.find((i) => i.type === 'title' && i.role === 'title')!;
    const sub = s.items.find((i) => i.type === 'title' && i.role === 'subtitle')!;
    const table = s.items.find((i) => i.type === 'table')!;
    expect(sub.box.y).toBeGreaterThanOrEqual(title.box.y + title.box.h);
    expect(table.box.y).toBeGreaterThan(sub.box.y + sub.box.h);
  });
});
