// A logo's bytes → an image the deck can embed, or the reason it cannot: checked for format, size and shape
// before anything draws it. An SVG is parsed as XML first (no DOCTYPE, no links to outside files, a bounded
// number of elements and characters of text), then rasterised by resvg at a size known in advance.
import { imageSize } from 'image-size';
import { XMLValidator } from 'fast-xml-parser';
import { MAX_IMAGE_ASPECT, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_SVG_BYTES, MAX_SVG_ELEMENTS, MAX_SVG_TEXT_CHARS } from '../limits.js';
import { allFontPaths } from '../layout/measure.js';
import { DEFAULT_FAMILY } from '../layout/fonts.js';
import type { LogoImage } from '../deck/theme.js';
import { lineCol } from '../spec/source-file.js';

/** Why a logo cannot be used, in words; `at` is a line and column inside the image file, when known. */
export interface LogoProblem {
  message: string;
  expected: string;
  hint: string;
  at?: { line: number; col: number };
}

export class LogoError extends Error {
  constructor(readonly problem: LogoProblem) {
    super(problem.message);
  }
}

/** Width of the PNG an SVG logo becomes: sharp at the logo's largest size on a slide. */
const SVG_RASTER_WIDTH = 600;

const fmt = (n: number) => n.toLocaleString('en-US');

export async function logoImage(data: Uint8Array, position: LogoImage['position'], alt: string): Promise<LogoImage> {
  if (data.length > MAX_IMAGE_BYTES)
    throw new LogoError({ message: `is ${(data.length / 1048576).toFixed(1)} MB, more than the ${MAX_IMAGE_BYTES / 1048576} MB gonogo embeds`, expected: 'a logo file of a few hundred KB', hint: 'export the logo at the size it is shown (600 px wide is plenty), or as SVG' });
  let size: { type?: string; width?: number; height?: number };
  try {
    size = imageSize(data);
  } catch {
    throw notAnImage();
  }
  if (size.type === 'svg') return svgLogo(data, position, alt);
  const type = size.type === 'jpg' ? 'jpeg' : size.type;
  if ((type !== 'png' && type !== 'jpeg') || !size.width || !size.height) throw notAnImage();
  checkShape(size.width, size.height);
  return { data, type, widthPx: size.width, heightPx: size.height, position, alt };
}

function notAnImage(): LogoError {
  return new LogoError({ message: 'is not a PNG, JPEG or SVG image', expected: 'a .png, .jpg or .svg file', hint: 'export the logo as PNG or SVG' });
}

function checkShape(w: number, h: number): void {
  if (w * h > MAX_IMAGE_PIXELS)
    throw new LogoError({ message: `is ${fmt(w)} × ${fmt(h)} pixels, more than the ${fmt(MAX_IMAGE_PIXELS)} gonogo embeds`, expected: `at most ${fmt(MAX_IMAGE_PIXELS)} pixels`, hint: 'export the logo at the size it is shown (600 px wide is plenty)' });
  const aspect = Math.max(w / h, h / w);
  if (!(aspect <= MAX_IMAGE_ASPECT))
    throw new LogoError({ message: `is ${fmt(w)} × ${fmt(h)}, a ${Math.round(aspect)}:1 strip no slide can show`, expected: `a logo at most ${MAX_IMAGE_ASPECT} times as wide as it is tall (or tall as wide)`, hint: 'crop the logo to its mark and name' });
}

async function svgLogo(data: Uint8Array, position: LogoImage['position'], alt: string): Promise<LogoImage> {
  if (data.length > MAX_SVG_BYTES)
    throw new LogoError({ message: `is an SVG of ${(data.length / 1048576).toFixed(1)} MB, more than the ${MAX_SVG_BYTES / 1048576} MB gonogo draws`, expected: 'a logo SVG of a few KB', hint: 'simplify the SVG (e.g. with svgo) or export it as PNG' });
  const text = new TextDecoder().decode(data);
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    throw new LogoError({ message: `is not well-formed SVG: ${XML_ERRORS[valid.err.code] ?? 'the XML does not parse'}`, expected: 'an SVG file that opens in a browser', hint: 'export the SVG again from the design tool', at: { line: valid.err.line, col: valid.err.col } });
  const at = (i: number) => lineCol(text, i);
  const doctype = text.search(/<!(DOCTYPE|ENTITY)/i);
  if (doctype >= 0)
    throw new LogoError({ message: 'declares a DOCTYPE or entities', expected: 'an SVG without a DOCTYPE', hint: 'remove the <!DOCTYPE …> line: SVG needs none', at: at(doctype) });
  const link = /\b(?:xlink:)?href\s*=\s*["']\s*(?!#|data:)/i.exec(text) ?? /url\(\s*["']?\s*(?!#|data:)[^)]/i.exec(text);
  if (link)
    throw new LogoError({ message: 'links to a file or address outside it', expected: 'a self-contained SVG (pictures embedded as data: URLs)', hint: 'embed linked pictures in the SVG, or export the logo as PNG', at: at(link.index) });
  const elements = text.match(/<[A-Za-z]/g)?.length ?? 0;
  if (elements > MAX_SVG_ELEMENTS)
    throw new LogoError({ message: `has ${fmt(elements)} elements, more than the ${fmt(MAX_SVG_ELEMENTS)} gonogo draws`, expected: 'a logo SVG', hint: 'simplify the SVG (e.g. with svgo) or export it as PNG' });
  const textChars = [...text.matchAll(/<(text|tspan|textPath)\b[^>]*>([^<]*)/g)].reduce((n, m) => n + m[2].length, 0);
  if (textChars > MAX_SVG_TEXT_CHARS)
    throw new LogoError({ message: `holds ${fmt(textChars)} characters of text, more than the ${fmt(MAX_SVG_TEXT_CHARS)} gonogo draws`, expected: 'a logo: a mark and a name', hint: 'convert the text to outlines in the design tool, or export the logo as PNG' });
  const { Resvg } = await import('@resvg/resvg-js');
  let png: Uint8Array;
  try {
    const svg = new Resvg(Buffer.from(data), { fitTo: { mode: 'width', value: SVG_RASTER_WIDTH }, font: { fontFiles: allFontPaths(), loadSystemFonts: false, defaultFontFamily: DEFAULT_FAMILY.name, sansSerifFamily: DEFAULT_FAMILY.name } });
    // resvg aborts the process on a size it cannot allocate: check the shape before it draws.
    if (!(svg.width > 0 && svg.height > 0)) throw new LogoError({ message: 'has no width or height', expected: 'an SVG with width and height, or a viewBox', hint: 'add a viewBox="0 0 W H" to the <svg> element' });
    checkShape(svg.width, svg.height);
    png = new Uint8Array(svg.render().asPng());
  } catch (err) {
    if (err instanceof LogoError) throw err;
    throw new LogoError({ message: 'cannot be drawn as SVG', expected: 'an SVG file that opens in a browser', hint: 'export the SVG again from the design tool, or export the logo as PNG' });
  }
  const size = imageSize(png);
  return { data: png, type: 'png', widthPx: size.width!, heightPx: size.height!, position, alt };
}

const XML_ERRORS: Record<string, string> = {
  InvalidTag: 'a tag is malformed or never closed',
  InvalidAttr: 'an attribute is malformed',
  InvalidXml: 'the XML is malformed',
  InvalidChar: 'a character is not allowed here',
};

