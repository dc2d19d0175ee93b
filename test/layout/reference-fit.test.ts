// Both reference decks, laid out as `gonogo build` lays them out: every text box holds its text at the
// chosen size (re-measured here with the theme's measuring font and a whole-line shaper, wrapText, not the layout's
// own word-cached wrap), every shape lies inside the slide, no two text boxes overlap, and nothing continues
// on a '(cont.)' slide.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import { layoutDeck, type LayoutResult } from '../../src/layout/layout.js';
import { SLIDE } from '../../src/layout/grid.js';
import { cellFitFor, fitFor, indentPt, lineHeight, PT_PER_IN } from '../../src/layout/textfit.js';
import { textWidthPt, wrapText, type FontWeight } from '../../src/layout/measure.js';
import type { Box, Paragraph, Placed } from '../../src/layout/types.js';

// The pilot in each of its phases (the folder ships the interim and readout data).
const DECKS: [string, 'design' | 'interim' | 'final' | undefined][] = [
  ['quoting-workflow', undefined],
  ['call-volume-pilot', 'design'],
  ['call-volume-pilot', 'interim'],
  ['call-volume-pilot', 'final'],
];
const ROOT = join(import.meta.dirname, '..', '..', 'decks');
const EPS = 0.005;

/** Lines of a paragraph in a box `widthIn` wide, with the same fallback allowance the renderer promises. */
function linesOf(p: Pick<Paragraph, 'text' | 'bullet' | 'level' | 'weight'>, sizePt: number, widthIn: number): string[] {
  const weight = p.weight as FontWeight;
  return wrapText(p.text, sizePt, (widthIn * PT_PER_IN - indentPt(p)) * fitFor(weight), weight);
}

function needPt(item: Extract<Placed, { type: 'text' }>): number {
  return item.paragraphs.reduce((sum, p) => sum + p.spaceBeforePt + linesOf(p, item.sizePt, item.box.w).length * item.lineHeightPt, 0);
}

function inside(b: Box): boolean {
  return b.x >= -EPS && b.y >= -EPS && b.x + b.w <= SLIDE.w + EPS && b.y + b.h <= SLIDE.h + EPS && b.w > 0 && b.h > 0;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x + a.w > b.x + EPS && b.x + b.w > a.x + EPS && a.y + a.h > b.y + EPS && b.y + b.h > a.y + EPS;
}

describe.each(DECKS)('reference deck %s (phase %s), laid out', (name, phase) => {
  let laid: LayoutResult;
  beforeAll(async () => {
    const run = await runUntil('compose', join(ROOT, name), { phase });
    laid = layoutDeck(run.compose!, run.theme!);
  });

  it('continues no slide on a "(cont.)" slide and drops nothing', () => {
    expect(laid.slides.filter((s) => s.part > 0 || s.title.includes('(cont.)')).map((s) => s.title)).toEqual([]);
    expect(laid.diagnostics.filter((d) => d.code === 'layout/split' || d.code === 'layout/dropped')).toEqual([]);
  });

  it('fits every text box, title and table cell at its size (the measuring font, whole-line shaping)', () => {
    const misfits: string[] = [];
    for (const s of laid.slides)
      for (const i of s.items) {
        if (i.type === 'text' && needPt(i) > i.box.h * PT_PER_IN + 0.04 * PT_PER_IN) misfits.push(`${s.number} ${i.role}: ${i.paragraphs[0]?.text.slice(0, 40)}`);
        if (i.type === 'title') {
          const lines = wrapText(i.text, i.sizePt, i.box.w * PT_PER_IN * fitFor(i.weight === 'regular' ? 'regular' : 'bold'), i.weight === 'regular' ? 'regular' : 'bold');
          if (lines.length * lineHeight(i.sizePt) > i.box.h * PT_PER_IN + 3) misfits.push(`${s.number} ${i.role}: ${i.text.slice(0, 40)}`);
        }
        if (i.type === 'table') {
          const rows = [i.header.map((t) => ({ text: t, weight: 'bold' as const })), ...i.rows.map((r) => r.map((c) => ({ text: c.text, weight: c.weight })))];
          rows.forEach((cells, r) =>
            cells.forEach((c, col) => {
              const n = wrapText(c.text, i.sizePt, (i.colWidths[col] - 2 * i.pad.x) * PT_PER_IN * cellFitFor(c.weight as FontWeight), c.weight as FontWeight).length;
              if (n * i.lineHeightPt > (i.rowHeights[r] - 2 * i.pad.y) * PT_PER_IN + 0.5) misfits.push(`${s.number} table r${r}c${col}: ${c.text.slice(0, 40)}`);
            }),
          );
          expect(i.colWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(i.box.w, 3);
          expect(i.rowHeights.reduce((a, b) => a + b, 0)).toBeCloseTo(i.box.h, 3);
        }
      }
    expect(misfits).toEqual([]);
  });

  it('keeps every shape inside the slide and no text box on top of another', () => {
    for (const s of laid.slides) {
      for (const i of s.items) expect(inside(i.box), `slide ${s.number} ${i.type} ${JSON.stringify(i.box)}`).toBe(true);
      const boxes = s.items.filter((i) => i.type === 'text' || i.type === 'title' || i.type === 'table' || i.type === 'image' || i.type === 'logo');
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) expect(overlaps(boxes[a].box, boxes[b].box), `slide ${s.number}: ${boxes[a].type} × ${boxes[b].type}`).toBe(false);
    }
  });

  it('breaks no word mid-way in a table cell', () => {
    const broken: string[] = [];
    for (const s of laid.slides)
      for (const i of s.items) {
        if (i.type !== 'table') continue;
        const rows = [i.header.map((t) => ({ text: t, weight: 'bold' as const })), ...i.rows.map((r) => r.map((c) => ({ text: c.text, weight: c.weight })))];
        for (const cells of rows)
          cells.forEach((c, col) => {
            const room = (i.colWidths[col] - 2 * i.pad.x) * PT_PER_IN * cellFitFor(c.weight as FontWeight);
            for (const word of c.text.split(/\s+/)) if (textWidthPt(word, i.sizePt, c.weight as FontWeight) > room) broken.push(`${s.number}: ${word}`);
          });
      }
    expect(broken).toEqual([]);
  });

  it('puts the action title first in reading order on every slide', () => {
    for (const s of laid.slides) expect(s.items[0]).toMatchObject({ type: 'title', role: 'title' });
  });

  it('sets body text at 12 pt or more', () => {
    for (const s of laid.slides)
      for (const i of s.items) if (i.type === 'text' && i.role !== 'footer') expect(i.sizePt, `slide ${s.number} ${i.role}`).toBeGreaterThanOrEqual(12);
  });
});

// Inter sets the same words wider than Calibri: the reference deck's exec summary then held a line too many and
// went on to a '(cont.)' slide. Its rollout and rollback lines are said on the plan and runbook slides too, so the
// summary leaves them off, last first, and its notes carry them.
it('keeps the quoting-workflow exec summary to one slide in Inter, its rollback line left to the notes', async () => {
  const run = await runUntil('compose', join(ROOT, 'quoting-workflow'));
  const theme = run.theme!;
  const laid = layoutDeck(run.compose!, { ...theme, fonts: { ...theme.fonts, heading: 'Inter', body: 'Inter' } });
  const summary = laid.slides.filter((s) => s.sourceId === 'exec-summary');
  expect(summary).toHaveLength(1);
  const shown = summary[0].items.flatMap((i) => (i.type === 'text' ? i.paragraphs.map((p) => p.text) : []));
  const rollback = run.compose!.slides.find((s) => s.id === 'exec-summary')!.blocks.flatMap((b) => (b.type === 'bullets' ? b.items : [])).find((i) => i.text.startsWith('Rollback:'))!;
  expect(shown).not.toContain(rollback.text);
  expect(summary[0].notes.at(-1)).toBe(`Left off the slide for room: ${rollback.text}`);
  expect(laid.slides.some((s) => s.sourceId === 'rollback')).toBe(true);
});
