// Deck + theme → placed slides. Each Deck slide becomes one placed slide, or several when its content does
// not fit at the floor sizes: continuations carry '(cont.)' in the title and leave a 'layout/split' receipt.
import { createHash } from 'node:crypto';
import type { Deck, Slide as DeckSlide } from '../deck/types.js';
import type { Theme } from '../deck/theme.js';
import type { Diagnostic } from '../diagnostics.js';
import type { PlacedSlide } from './types.js';
import { toFlows, type Flow } from './flow.js';
import { RULES } from './kinds.js';
import { footer, logoBox } from './grid.js';
import { measureThemeFonts } from './textfit.js';
import type { Box, Placed } from './types.js';
import { cachedPages, keepPages, pageKey, type Page } from './page-cache.js';
import { continued } from '../model/words.js';

const MAX_PARTS = 40;

export interface LayoutResult {
  slides: PlacedSlide[];
  diagnostics: Diagnostic[];
}

export function layoutDeck(deck: Deck, theme: Theme): LayoutResult {
  const slides: PlacedSlide[] = [];
  const diagnostics: Diagnostic[] = [];
  measureThemeFonts(theme.fonts);
  // A logo's bytes stand in the key by their hash (a logo may be megabytes).
  const themeKey = JSON.stringify(theme, (_, v: unknown) => (v instanceof Uint8Array ? createHash('sha256').update(v).digest('hex') : v));
  for (const slide of deck.slides) {
    for (const page of pagesOf(slide, theme, themeKey)) {
      const number = slides.length + 1;
      const foot = footer(theme, deck.meta, page.numbered ? number : undefined);
      const logo = theme.logoImage?.position === 'top-right' ? logoBox(theme, 'top-right') : undefined;
      const body = logo ? page.items.map((i) => clearOf(i, logo)) : page.items;
      const items = readingOrder([...body, ...foot, ...(logo ? [{ type: 'logo' as const, alt: theme.logoImage!.alt, box: logo }] : [])]);
      const notes = page.part === 0 ? [...slide.notes, ...(page.shortened ? [shortenedNote(page.shortened)] : []), ...(page.leftOut ? [leftOutNote(page.leftOut)] : [])] : [];
      slides.push({ sourceId: slide.id, kind: slide.kind, title: page.title, part: page.part, items, notes, number });
      if (page.dropped) diagnostics.push(droppedNote(slide.id, page.dropped));
      else if (page.split) diagnostics.push(splitNote(slide.id, number + 1));
    }
  }
  return { slides, diagnostics };
}

/**
 * A slide's pages, laid out once per (slide, theme) and kept (page-cache.ts): a rebuild lays out again only the
 * slides an edit changed (the footer, which carries the deck title and slide number, is placed by layoutDeck).
 */
function pagesOf(slide: DeckSlide, theme: Theme, themeKey: string): Page[] {
  const key = pageKey(themeKey, JSON.stringify(slide));
  const hit = cachedPages(key);
  if (hit) return hit;
  const laid = layoutSlide(slide, theme);
  keepPages(key, laid);
  return laid;
}

function layoutSlide(slide: DeckSlide, theme: Theme): Page[] {
  const pages: Page[] = [];
  let flows: Flow[] = toFlows(slide.blocks, theme, slide.kind === 'runbook');
  let minStep = 0;
  for (let part = 0; ; part++) {
    const title = part === 0 ? slide.title : continued(slide.title);
    const page = RULES[slide.kind]({ slide, flows, title, part, minStep }, theme);
    minStep = page.cut ? page.step : 0;
    const placed: Page = { title, part, items: page.items, numbered: page.numbered, split: false, dropped: 0, ...(page.leftOut ? { leftOut: page.leftOut } : {}), ...(page.shortened ? { shortened: page.shortened } : {}) };
    pages.push(placed);
    if (page.overflow.length === 0) break;
    const stuck = JSON.stringify(page.overflow) === JSON.stringify(flows);
    if (stuck || part + 1 >= MAX_PARTS) {
      placed.dropped = page.overflow.length;
      break;
    }
    placed.split = true;
    flows = page.overflow;
  }
  return pages;
}

/** The notes' line for the items a one-pager showed in fewer words: what they say in full. */
function shortenedNote(texts: string[]): string {
  return `Shortened on the slide for room: ${texts.join(' ')}`;
}

/** The notes' line for the items a one-pager left off (each is said elsewhere in the deck too). */
function leftOutNote(texts: string[]): string {
  return `Left off the slide for room: ${texts.join(' ')}`;
}

function droppedNote(slideId: string, blocks: number): Diagnostic {
  return {
    code: 'layout/dropped', severity: 'warning', field: `slides.${slideId}`,
    message: `Slide '${slideId}': ${blocks} block(s) could not be placed and were left out`,
    hint: 'Shorten the content or split it into several slides in the spec',
  };
}

function splitNote(slideId: string, next: number): Diagnostic {
  return {
    code: 'layout/split', severity: 'info', field: `slides.${slideId}`,
    message: `Slide '${slideId}' did not fit at the smallest readable size; it continues on slide ${next} with '(cont.)'`,
    hint: 'Shorten the text or table, or give it its own slide, to keep it on one slide',
  };
}

/**
 * Z-order is the order screen readers read in: the action title first, then the slide in layout order
 * (kicker, subtitle, body), footer and logo last. Background shapes stay before the text they sit under.
 */
function readingOrder(items: Placed[]): Placed[] {
  const isTitle = (i: Placed) => i.type === 'title' && i.role === 'title';
  return [...items.filter(isTitle), ...items.filter((i) => !isTitle(i))];
}

/** The kicker's box ends short of a top-right logo (the logo sits above the title's first line). */
function clearOf(item: Placed, logo: Box): Placed {
  if (item.type !== 'title' || item.box.y >= logo.y + logo.h || item.box.x + item.box.w <= logo.x) return item;
  return { ...item, box: { ...item.box, w: Math.max(0.5, logo.x - 0.2 - item.box.x) } };
}
