// The Deck tree: plain data, the heart of the pipeline (pandoc's AST plays this part for pandoc).
// Composers produce it, layout measures it, renderers write it. Nothing here knows pptxgenjs.

/**
 * Colour roles; the theme maps each to a colour. pass / fail / inconclusive colour good news, bad news and
 * unknown for the decision; the words that say so are in the text itself (compose/marks.ts), never added later.
 */
export type Tone = 'pass' | 'fail' | 'inconclusive' | 'neutral' | 'control' | 'treatment' | 'accent';

/** A closed set: a new kind needs a layout rule and a renderer case (a type error until both exist). */
export type SlideKind =
  | 'title'
  | 'section'
  | 'exec-summary'
  | 'chart' // chart + takeaways
  | 'table'
  | 'comparison' // two or three columns: options A/B/C
  | 'scenarios' // best / base / worst triptych
  | 'register' // risks, data gaps
  | 'raci'
  | 'runbook'
  | 'bullets';

export interface TextBlock {
  type: 'text';
  text: string;
  role?: 'lead' | 'body' | 'caption';
  tone?: Tone;
}

export interface BulletItem {
  text: string;
  level?: 0 | 1;
  tone?: Tone;
  /**
   * Said elsewhere in the deck: a one-page slide (the exec summary) leaves it off rather than go on to a second
   * slide, and its notes carry it.
   */
  optional?: boolean;
  /**
   * The item in fewer words, for a one-page slide too full for `text`; its notes then carry `text`. Empty when
   * another item's brief words say this one's too.
   */
  brief?: string;
}

export interface BulletsBlock {
  type: 'bullets';
  items: BulletItem[];
  numbered?: boolean;
}

export interface TableCell {
  text: string;
  tone?: Tone;
  bold?: boolean;
}

export interface TableBlock {
  type: 'table';
  header: string[];
  rows: TableCell[][];
  /** Relative column widths; equal when absent. */
  widths?: number[];
  caption?: string;
}

export interface ChartBlock {
  type: 'chart';
  chart: ChartSpec;
}

export interface Kpi {
  label: string;
  value: string;
  detail: string;
  tone: Tone;
  /** What the metric's rule came to, in words: "✓ met" (the tone colours it). */
  mark?: string;
}

export interface KpisBlock {
  type: 'kpis';
  items: Kpi[];
}

/** Side-by-side columns (options, scenarios): each a heading and blocks. */
export interface ColumnsBlock {
  type: 'columns';
  columns: { heading: string; tone?: Tone; blocks: Block[] }[];
}

export type Block = TextBlock | BulletsBlock | TableBlock | ChartBlock | KpisBlock | ColumnsBlock;
export type BlockType = Block['type'];

export interface ChartSpec {
  /** Stable, file-name-safe id: 'forest-ttfq_median'. */
  id: string;
  kind: 'forest' | 'distribution' | 'timeseries' | 'tradeoff' | 'guardrails' | 'scenarios' | 'power';
  /** The complete Vega-Lite spec, data inlined. */
  vegaLite: Record<string, unknown>;
  /** One plain sentence from the data. */
  alt: string;
  /** Width / height in inches at slide size (the layout may shrink it, keeping the aspect). */
  width: number;
  height: number;
}

export interface Slide {
  /** Stable id: 'exec-summary', 'deep-dive-ttfq_median'. */
  id: string;
  kind: SlideKind;
  /** Section for the outline and the section dividers. */
  section: string;
  /** Action title: states the conclusion. */
  title: string;
  subtitle?: string;
  blocks: Block[];
  /** Speaker notes: talk-track and pre-wire, one paragraph per entry. */
  notes: string[];
}

export interface DeckMeta {
  title: string;
  subtitle?: string;
  owner: string;
  audience?: string;
  date: string;
  confidentiality?: string;
  checkpoint?: string;
  phase: 'design' | 'interim' | 'final';
  /** The verdict and why it holds, in words (for the CLI's summary line). */
  verdict?: string;
  because?: string;
}

/** A rule of the decision as the deck words it, with its mark: what diff and checkpoints compare. */
export interface DeckRule {
  /** Where it was written ("go_full.all[0]"), or "guardrail:<metric>" for a guardrail's own check. */
  id: string;
  criterion: string;
  text: string;
  reason: string;
  /** met | not_met | triggered | not_triggered | no_data */
  mark: string;
}

export interface Deck {
  meta: DeckMeta;
  slides: Slide[];
  /** Every rule with its outcome, in words (empty for design and interim decks). */
  rules?: DeckRule[];
}
