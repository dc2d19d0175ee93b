// The layout stage's output: boxes in inches on a 13.333 × 7.5 in slide, colours resolved from the
// theme, font sizes chosen. Renderers map these 1:1; nothing here knows pptxgenjs.
import type { SlideKind, Tone } from '../deck/types.js';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Weight = 'regular' | 'semibold' | 'bold';

export interface Paragraph {
  text: string;
  /** 'none' for plain text, 'bullet' or 'number' for list items. */
  bullet: 'none' | 'bullet' | 'number';
  level: 0 | 1;
  /** The item's number in a numbered list (continues across a split). */
  number?: number;
  /** The tail of an item split across slides: indented like its item, with no bullet or number of its own. */
  continued?: boolean;
  weight: Weight;
  /** Hex colour without '#'. */
  color: string;
  tone?: Tone;
  /** Points of space before the paragraph (0 for the first). */
  spaceBeforePt: number;
  /** A list item a one-pager may leave off (BulletItem.optional). */
  optional?: boolean;
  /** The item in fewer words, for a one-pager too full for `text` (BulletItem.brief). */
  brief?: string;
}

export interface PlacedTitle {
  type: 'title';
  box: Box;
  text: string;
  sizePt: number;
  color: string;
  /** 'title' for the action title, 'kicker' for the section label above it, 'subtitle' below it. */
  role: 'title' | 'kicker' | 'subtitle';
  weight: Weight;
}

export interface PlacedText {
  type: 'text';
  box: Box;
  paragraphs: Paragraph[];
  sizePt: number;
  /** Exact line pitch in points (what the layout measured with). */
  lineHeightPt: number;
  align: 'left' | 'center' | 'right';
  valign: 'top' | 'middle' | 'bottom';
  role: 'body' | 'lead' | 'caption' | 'kpi-label' | 'kpi-value' | 'kpi-detail' | 'heading' | 'footer';
}

export interface PlacedCell {
  text: string;
  color: string;
  weight: Weight;
  tone?: Tone;
}

export interface PlacedTable {
  type: 'table';
  box: Box;
  header: string[];
  rows: PlacedCell[][];
  /** Inches, summing to box.w. */
  colWidths: number[];
  /** Inches: header first, then one per row; summing to box.h. */
  rowHeights: number[];
  align: ('left' | 'center' | 'right')[];
  sizePt: number;
  lineHeightPt: number;
  /** Cell padding in inches: x left and right, y top and bottom. */
  pad: { x: number; y: number };
  /** Where text sits in a row taller than its lines (rows opened up to use the slide are centred). */
  valign?: 'top' | 'middle';
  headerFill: string;
  headerColor: string;
  stripeFill: string;
  /** Which body rows carry the stripe fill (grouped tables stripe by group, others every second row). */
  stripes?: boolean[];
  ruleColor: string;
}

export interface PlacedImage {
  type: 'image';
  box: Box;
  chartId: string;
  alt: string;
}

export interface PlacedShape {
  type: 'shape';
  box: Box;
  shape: 'rect' | 'line';
  fill?: string;
  line?: string;
  lineWidthPt?: number;
}

/** The theme's logo (its bytes live in the theme; the renderer embeds them). */
export interface PlacedLogo {
  type: 'logo';
  box: Box;
  alt: string;
}

export type Placed = PlacedTitle | PlacedText | PlacedTable | PlacedImage | PlacedShape | PlacedLogo;

export interface PlacedSlide {
  /** The Deck slide this came from; continuation slides share it. */
  sourceId: string;
  kind: SlideKind;
  title: string;
  /** 0 for the first slide of a source slide, 1.. for its continuations. */
  part: number;
  /** In reading order. */
  items: Placed[];
  notes: string[];
  /** 1-based position in the deck. */
  number: number;
}
