// Blocks become flows: the unit the stack places, splits and carries over to a continuation slide.
// Text and bullets become styled paragraphs here, so a split can cut between (or inside) paragraphs.
import type { Block, ChartSpec, Kpi, TableBlock, Tone } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Paragraph } from './types.js';
import { MIN_PT, toneColor } from './grid.js';

export type TextRole = 'body' | 'lead' | 'caption';

export type Flow =
  | { kind: 'paras'; role: TextRole; paras: Paragraph[] }
  | { kind: 'table'; table: TableBlock; continued: boolean }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'kpis'; items: Kpi[] }
  | { kind: 'columns'; columns: FlowColumn[] };

export interface FlowColumn {
  heading: string;
  tone?: Tone;
  flows: Flow[];
}

/**
 * Font sizes by shrink step (0 = roomiest): a slide takes the roomiest step at which its content fits, so sparse
 * slides read large and dense ones shrink, never under 12 pt. Detail that does not fit at 12 pt continues on a
 * '(cont.)' slide; composers move detail to the appendix or the notes rather than ask for smaller text.
 */
const BODY = [24, 22, 20, 18, 17, 16, 15, 14, 13, 12] as const;
// A lead line never outgrows the action title (26 pt).
const LEAD = [24, 24, 23, 22, 21, 20, 19, 18, 17, 16] as const;
const TABLE = [18, 18, 17, 16, 16, 15, 14, 13, 12, 12] as const;
export const STEPS = BODY.length;

export function roleSize(role: TextRole, step: number): number {
  if (role === 'lead') return LEAD[step];
  if (role === 'caption') return MIN_PT;
  return BODY[step];
}
export function tableSize(step: number): number {
  return TABLE[step];
}

/**
 * Space before a paragraph, as a fraction of the font size; `stretch` (0–1) opens it up to spread a short list
 * over the slide instead of leaving the bottom empty.
 */
export function spaceBefore(p: Paragraph, first: boolean, sizePt: number, stretch = 0): number {
  if (first) return 0;
  return Math.round((p.level === 1 ? 0.25 + 0.25 * stretch : 0.5 + stretch) * sizePt * 10) / 10;
}

export function toFlows(blocks: Block[], theme: Theme, numbered = false): Flow[] {
  return blocks.map((b) => toFlow(b, theme, numbered)).filter((f) => !isEmpty(f));
}

/** Empty blocks (no items, no columns, no header) place nothing rather than an empty box. */
function isEmpty(f: Flow): boolean {
  if (f.kind === 'paras') return f.paras.length === 0;
  if (f.kind === 'kpis') return f.items.length === 0;
  if (f.kind === 'columns') return f.columns.length === 0;
  if (f.kind === 'table') return f.table.header.length === 0;
  return false;
}

function toFlow(b: Block, theme: Theme, numbered: boolean): Flow {
  switch (b.type) {
    case 'text': {
      const role = b.role ?? 'body';
      const color = b.tone ? toneColor(theme, b.tone) : role === 'caption' ? theme.colors.muted : theme.colors.text;
      const paras = b.text
        .split(/\n\s*\n/)
        .map((t) => t.trim())
        .filter(Boolean)
        .map<Paragraph>((t) => ({
          text: t,
          bullet: 'none',
          level: 0,
          weight: role === 'lead' ? 'semibold' : 'regular',
          color,
          tone: b.tone,
          spaceBeforePt: 0,
        }));
      return { kind: 'paras', role, paras };
    }
    case 'bullets': {
      const isNumbered = b.numbered || numbered;
      let n = 0;
      const paras = b.items.map<Paragraph>((it) => {
        const level = it.level ?? 0;
        if (level === 0) n++;
        return {
          text: it.text,
          bullet: isNumbered && level === 0 ? 'number' : 'bullet',
          number: isNumbered && level === 0 ? n : undefined,
          level,
          weight: 'regular',
          color: it.tone ? toneColor(theme, it.tone) : theme.colors.text,
          tone: it.tone,
          spaceBeforePt: 0,
          ...(it.optional ? { optional: true } : {}),
          ...(it.brief !== undefined ? { brief: it.brief } : {}),
        };
      });
      return { kind: 'paras', role: 'body', paras };
    }
    case 'table':
      return { kind: 'table', table: b, continued: false };
    case 'chart':
      return { kind: 'chart', chart: b.chart };
    case 'kpis':
      return { kind: 'kpis', items: b.items };
    case 'columns':
      return { kind: 'columns', columns: b.columns.map((c) => ({ heading: c.heading, tone: c.tone, flows: toFlows(c.blocks, theme, numbered) })) };
  }
}

/**
 * A table of one or two rows set as cards, one a row: the row's first cell heads the card, each other column
 * reads "Header: value" under it, the caption follows. The layout uses it where the table alone would leave
 * most of the slide empty; the Deck keeps the table.
 */
export function tableAsCards(t: TableBlock, theme: Theme): Flow[] | undefined {
  if (t.rows.length === 0 || t.rows.length > 2 || t.header.length < 3) return undefined;
  const columns: FlowColumn[] = t.rows.map((row) => ({
    heading: row[0]?.text || t.header[0],
    tone: row[0]?.tone,
    flows: [{
      kind: 'paras',
      role: 'body',
      paras: t.header.slice(1).map<Paragraph>((h, c) => {
        const cell = row[c + 1] ?? { text: '' };
        return { text: `${h}: ${cell.text || '—'}`, bullet: 'none', level: 0, weight: 'regular', color: cell.tone ? toneColor(theme, cell.tone) : theme.colors.text, tone: cell.tone, spaceBeforePt: 0 };
      }),
    }],
  }));
  const caption: Flow[] = t.caption ? [{ kind: 'paras', role: 'caption', paras: [{ text: t.caption, bullet: 'none', level: 0, weight: 'regular', color: theme.colors.muted, spaceBeforePt: 0 }] }] : [];
  return [{ kind: 'columns', columns }, ...caption];
}

/** Paragraphs with the space-before of their position, at a size. */
export function spaced(paras: Paragraph[], sizePt: number, stretch = 0): Paragraph[] {
  return paras.map((p, i) => ({ ...p, spaceBeforePt: spaceBefore(p, i === 0, sizePt, stretch) }));
}
