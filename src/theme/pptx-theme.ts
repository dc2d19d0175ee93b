// Reads a corporate .pptx/.potx: the first slide master's theme colours (a:clrScheme), fonts (a:fontScheme,
// latin faces) and its largest picture (taken as the logo; failing one, the layouts' largest). Layouts,
// placeholders and slides are not otherwise used —
// gonogo keeps its own grid — and the result says so, for the build to print.
import { unzipSync, type Unzipped } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_TEMPLATE_PART_BYTES } from '../limits.js';
import { posix } from 'node:path';

export interface TemplateTheme {
  /** dk1, lt1, dk2, lt2, accent1..accent6, hlink, folHlink: hex without '#', as found. */
  colors: Record<string, string>;
  fonts: { major?: string; minor?: string };
  logo?: { data: Uint8Array; ext: string; name: string; areaEmu2: number };
  /** What the template holds that gonogo does not use. */
  ignored: { layouts: number; placeholders: number; slides: number; pictures: number };
}

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['p:pic', 'p:sp', 'p:grpSp', 'Relationship'].includes(name) });

/** A template gonogo cannot read, in words that quote nothing from the file. */
export class TemplateError extends Error {}

function xml(entries: Unzipped, name: string): Node | undefined {
  const data = entries[name];
  if (!data) return undefined;
  const text = new TextDecoder().decode(data);
  // Office parts never declare a DOCTYPE: entities are refused rather than expanded into names and colours.
  if (/<!(DOCTYPE|ENTITY)/i.test(text)) throw new TemplateError(`its part ${name} declares a DOCTYPE or entities, which Office files never hold`);
  if (XMLValidator.validate(text) !== true) throw new TemplateError(`its part ${name} is not well-formed XML`);
  return parser.parse(text) as Node;
}

/** Unpacks only the parts read here, each within a size limit, so a zip bomb is never inflated. */
function unpack(bytes: Uint8Array): { entries: Unzipped; names: string[] } {
  const names: string[] = [];
  try {
    const entries = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (f.originalSize > MAX_TEMPLATE_PART_BYTES) return false;
        return /^ppt\/(slideMasters|slideLayouts|theme)\/(_rels\/)?[^/]+\.(xml|rels)$/.test(f.name) || f.name.startsWith('ppt/media/');
      },
    });
    return { entries, names };
  } catch {
    throw new TemplateError('it is not a zip archive (a .pptx or .potx is one)');
  }
}

function child(n: unknown, ...path: string[]): Node | undefined {
  let cur = n as Node | undefined;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur[p] as Node | undefined) : undefined;
  return cur;
}

/** Relationship id → part name, resolved against the part's folder. */
function rels(entries: Unzipped, part: string): Map<string, { target: string; type: string }> {
  const dir = posix.dirname(part);
  const doc = xml(entries, posix.join(dir, '_rels', posix.basename(part) + '.rels'));
  const list = (child(doc, 'Relationships')?.Relationship as Node[] | undefined) ?? [];
  return new Map(list.map((r) => [String(r['@_Id']), { target: posix.normalize(posix.join(dir, String(r['@_Target']))), type: String(r['@_Type']) }]));
}

/** A colour slot: srgbClr's value, or sysClr's last computed colour (windowText → 000000). */
function slotColor(n: Node | undefined): string | undefined {
  const srgb = child(n, 'a:srgbClr')?.['@_val'];
  if (typeof srgb === 'string') return srgb.toUpperCase();
  const sys = child(n, 'a:sysClr');
  const last = sys?.['@_lastClr'] ?? (sys?.['@_val'] === 'window' ? 'FFFFFF' : sys ? '000000' : undefined);
  return typeof last === 'string' ? last.toUpperCase() : undefined;
}

/** Every p:pic under a shape tree, groups included. */
function pictures(tree: Node | undefined): Node[] {
  if (!tree) return [];
  const own = (tree['p:pic'] as Node[] | undefined) ?? [];
  const groups = (tree['p:grpSp'] as Node[] | undefined) ?? [];
  return [...own, ...groups.flatMap(pictures)];
}

export function readTemplateTheme(bytes: Uint8Array): TemplateTheme {
  const { entries, names } = unpack(bytes);
  const master = names.filter((n) => /^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(n)).sort(byNumber)[0];
  if (!master) throw new TemplateError('no slide master (ppt/slideMasters/slideMaster1.xml): not a PowerPoint presentation or template');
  const masterRels = rels(entries, master);
  const themePart = [...masterRels.values()].find((r) => r.type.endsWith('/theme'))?.target ?? 'ppt/theme/theme1.xml';
  const theme = child(xml(entries, themePart), 'a:theme', 'a:themeElements');
  const scheme = child(theme, 'a:clrScheme') ?? {};
  const colors: Record<string, string> = {};
  for (const key of ['dk1', 'lt1', 'dk2', 'lt2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink']) {
    const c = slotColor(child(scheme, `a:${key}`));
    if (c && /^[0-9A-F]{6}$/.test(c)) colors[key] = c;
  }
  const face = (which: string) => {
    const t = child(theme, 'a:fontScheme', which, 'a:latin')?.['@_typeface'];
    return typeof t === 'string' && t.trim() && !t.startsWith('+') ? t.trim() : undefined;
  };
  const tree = child(xml(entries, master), 'p:sldMaster', 'p:cSld', 'p:spTree');
  const pics = pictures(tree);
  // The master's largest picture is the logo; a template whose master has none may carry it on its layouts.
  const layouts = names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).sort(byNumber);
  let logo = largestPicture(entries, master, pics);
  if (!logo) for (const layout of layouts) logo = largerOf(logo, largestPicture(entries, layout, pictures(child(xml(entries, layout), 'p:sldLayout', 'p:cSld', 'p:spTree'))));
  const placeholders = ((tree?.['p:sp'] as Node[] | undefined) ?? []).filter((sp) => child(sp, 'p:nvSpPr', 'p:nvPr', 'p:ph') !== undefined).length;
  return {
    colors,
    fonts: { major: face('a:majorFont'), minor: face('a:minorFont') },
    logo,
    ignored: {
      layouts: layouts.length,
      placeholders,
      slides: names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length,
      pictures: Math.max(0, pics.length - (logo ? 1 : 0)),
    },
  };
}

type Logo = NonNullable<TemplateTheme['logo']>;

function largestPicture(entries: Unzipped, part: string, pics: Node[]): Logo | undefined {
  const partRels = rels(entries, part);
  let best: Logo | undefined;
  for (const pic of pics) {
    const ext = child(pic, 'p:spPr', 'a:xfrm', 'a:ext');
    const area = Number(ext?.['@_cx'] ?? 0) * Number(ext?.['@_cy'] ?? 0);
    const rid = child(pic, 'p:blipFill', 'a:blip')?.['@_r:embed'];
    const target = typeof rid === 'string' ? partRels.get(rid)?.target : undefined;
    if (target && entries[target]) best = largerOf(best, { data: entries[target], ext: posix.extname(target).slice(1).toLowerCase(), name: posix.basename(target), areaEmu2: area });
  }
  return best;
}

function largerOf(a: Logo | undefined, b: Logo | undefined): Logo | undefined {
  return !a ? b : !b ? a : b.areaEmu2 > a.areaEmu2 ? b : a;
}

function byNumber(a: string, b: string): number {
  return Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]);
}
