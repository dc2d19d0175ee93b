// Deck → Markdown outline for review in git: one '## N. Title' per slide (pandoc turns it into slides),
// blocks as text, lists and GFM tables, charts as their alt text with a pointer to the Vega-Lite spec,
// speaker notes as a '> Notes:' quote. Plain data in, a stable string out: no dates but the deck's own.
import type { Block, Deck, Slide, TableCell } from '../deck/types.js';

export interface MarkdownOptions {
  /** Where chart specs are referenced from, relative to the outline. */
  chartDir?: string;
}

/** Escapes what Markdown would read as markup inside running text. */
export function escapeInline(text: string): string {
  return text
    .replace(/[\\`*[\]<>]/g, (c) => '\\' + c)
    // An underscore inside a word (metric_id) is not emphasis in GFM; escape only the others.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/^([#+-]|\d+[.)])(?=\s|$)/, '\\$1')
    .replace(/\s*\n\s*/g, ' ');
}

function cellText(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|') || ' ';
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map(cellText).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map((r) => line(header.map((_, i) => r[i] ?? '')))];
}

const cell = (c: TableCell): string => c.text;

type Handler<B extends Block> = (b: B, o: Required<MarkdownOptions>) => string[];

const HANDLERS: { [K in Block['type']]: Handler<Extract<Block, { type: K }>> } = {
  text: (b) =>
    b.text
      .split(/\n\s*\n/)
      .map((p) => escapeInline(p.trim()))
      .filter(Boolean)
      .map((p) => (b.role === 'lead' ? `**${p}**` : b.role === 'caption' ? `*${p}*` : p))
      .flatMap((p, i) => (i === 0 ? [p] : ['', p])),
  bullets: (b) => {
    let n = 0;
    return b.items.map((it) => {
      const nested = (it.level ?? 0) === 1;
      const marker = b.numbered && !nested ? `${++n}.` : '-';
      return `${nested ? '    ' : ''}${marker} ${escapeInline(it.text)}`;
    });
  },
  table: (b) => [...table(b.header, b.rows.map((r) => r.map(cell))), ...(b.caption ? ['', `*${escapeInline(b.caption)}*`] : [])],
  chart: (b, o) => [`*Chart:* ${escapeInline(b.chart.alt)} ([${b.chart.id}.vl.json](${o.chartDir}/${b.chart.id}.vl.json))`],
  kpis: (b) => table(['Metric', 'Value', 'Status', 'Detail'], b.items.map((k) => [k.label, k.value, k.mark ?? '', k.detail])),
  columns: (b, o) => b.columns.flatMap((c, i) => [...(i ? [''] : []), `### ${escapeInline(c.heading)}`, '', ...blocks(c.blocks, o)]),
};

function blocks(list: Block[], o: Required<MarkdownOptions>): string[] {
  return list.flatMap((b, i) => [...(i ? [''] : []), ...(HANDLERS[b.type] as Handler<Block>)(b, o)]);
}

function slide(s: Slide, n: number, o: Required<MarkdownOptions>): string {
  const out = [`## ${n}. ${escapeInline(s.title)}`, '', `<!-- ${s.id} · ${s.kind}${s.section ? ` · ${s.section}` : ''} -->`];
  if (s.subtitle) out.push('', `*${escapeInline(s.subtitle)}*`);
  if (s.blocks.length) out.push('', ...blocks(s.blocks, o));
  if (s.notes.length) out.push('', ...s.notes.flatMap((p, i) => [...(i ? ['>'] : []), `> ${i === 0 ? '**Notes:** ' : ''}${escapeInline(p)}`]));
  return out.join('\n');
}

function yamlString(v: string): string {
  return JSON.stringify(v);
}

export function renderMarkdown(deck: Deck, opts: MarkdownOptions = {}): string {
  const o = { chartDir: opts.chartDir ?? 'charts' };
  const m = deck.meta;
  const front = ['---', `title: ${yamlString(m.title)}`];
  if (m.subtitle) front.push(`subtitle: ${yamlString(m.subtitle)}`);
  front.push(`author: ${yamlString(m.owner)}`, `date: ${yamlString(m.date)}`, '---');
  const facts = [m.audience && `Audience: ${m.audience}`, `Phase: ${m.phase}`, m.confidentiality, m.checkpoint && `Checkpoint: ${m.checkpoint}`].filter(Boolean) as string[];
  const body = deck.slides.map((s, i) => slide(s, i + 1, o));
  return [...front, '', `<!-- ${facts.map(escapeInline).join(' · ')} -->`, '', body.join('\n\n'), ''].join('\n');
}
