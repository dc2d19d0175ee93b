// Headline metrics as a row of cards: label, value, verdict word, detail. The tone colours the top bar and
// the verdict word, and the word itself (✓ Pass, ✗ Fail, ? Inconclusive) carries the meaning without colour.
import type { Kpi } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Paragraph, Placed } from './types.js';
import { GUTTER, TONE_MARK, TONE_WORD, toneColor } from './grid.js';
import { lineHeight, paragraphsHeightIn, shrinkToLines } from './textfit.js';

const PAD = 0.2;
const BAR = 0.06;
const SIZES = { label: 12, value: 28, valueFloor: 16, badge: 12, detail: 12 } as const;

export function kpisPerRow(n: number): number {
  return n <= 4 ? n : n <= 6 ? 3 : 4;
}

function para(text: string, color: string, weight: Paragraph['weight']): Paragraph {
  return { text, bullet: 'none', level: 0, weight, color, spaceBeforePt: 0 };
}

interface CardParts {
  parts: { role: 'kpi-label' | 'kpi-value' | 'kpi-detail'; size: number; p: Paragraph; h: number }[];
  height: number;
}

function cardParts(k: Kpi, theme: Theme, innerW: number): CardParts {
  const parts: CardParts['parts'] = [];
  const add = (role: CardParts['parts'][number]['role'], size: number, p: Paragraph) =>
    parts.push({ role, size, p, h: paragraphsHeightIn([p], size, innerW) });
  add('kpi-label', SIZES.label, para(k.label, theme.colors.muted, 'semibold'));
  const valueSize = shrinkToLines(k.value, SIZES.value, SIZES.valueFloor, innerW, 1, 'bold');
  add('kpi-value', valueSize, para(k.value, theme.colors.text, 'bold'));
  const word = TONE_WORD[k.tone];
  if (word) add('kpi-detail', SIZES.badge, para(`${TONE_MARK[k.tone]} ${word}`, toneColor(theme, k.tone), 'semibold'));
  if (k.detail) add('kpi-detail', SIZES.detail, para(k.detail, theme.colors.text, 'regular'));
  const gaps = 0.06 * (parts.length - 1);
  return { parts, height: BAR + 2 * PAD + gaps + parts.reduce((a, b) => a + b.h, 0) };
}

/** Height of the whole block at a width (rows of cards with a gutter between rows). */
export function layoutKpis(items: Kpi[], theme: Theme, x: number, y: number, widthIn: number, perRow = kpisPerRow(items.length)): { items: Placed[]; heightIn: number } {
  const cardW = (widthIn - (perRow - 1) * GUTTER) / perRow;
  const innerW = cardW - 2 * PAD;
  const placed: Placed[] = [];
  let top = y;
  for (let r = 0; r < items.length; r += perRow) {
    const row = items.slice(r, r + perRow).map((k) => cardParts(k, theme, innerW));
    const rowH = Math.max(...row.map((c) => c.height));
    row.forEach((card, i) => {
      const k = items[r + i];
      const cx = x + i * (cardW + GUTTER);
      placed.push({ type: 'shape', shape: 'rect', fill: theme.colors.tableStripe, box: { x: cx, y: top, w: cardW, h: rowH } });
      const barTone = TONE_WORD[k.tone] ? k.tone : 'accent';
      placed.push({ type: 'shape', shape: 'rect', fill: toneColor(theme, barTone), box: { x: cx, y: top, w: cardW, h: BAR } });
      let cy = top + BAR + PAD;
      for (const part of card.parts) {
        placed.push({
          type: 'text', role: part.role, sizePt: part.size, lineHeightPt: lineHeight(part.size), align: 'left', valign: 'top',
          paragraphs: [part.p], box: { x: cx + PAD, y: cy, w: innerW, h: part.h },
        });
        cy += part.h + 0.06;
      }
    });
    top += rowH + GUTTER;
  }
  return { items: placed, heightIn: top - GUTTER - y };
}
