// A small element tree over fast-xml-parser's ordered output: local names (prefixes vary between
// PowerPoint, LibreOffice and pptxgenjs), attributes by qualified name, children in document order.
import { XMLParser } from 'fast-xml-parser';

export interface XmlNode {
  /** Local name: 'sp' for <p:sp>. */
  name: string;
  /** Attributes by qualified name as written ('r:id', 'type'). */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Character data, for '#text' nodes only. */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true, // also decodes numeric character references (&#8722;)
});

type Ordered = Record<string, unknown>;

function convert(raw: Ordered): XmlNode | null {
  const attrs = (raw[':@'] as Record<string, string> | undefined) ?? {};
  for (const key of Object.keys(raw)) {
    if (key === ':@') continue;
    if (key === '#text') return { name: '#text', attrs: {}, children: [], text: String(raw[key]) };
    if (key.startsWith('?')) return null; // <?xml ...?>
    const kids = (raw[key] as Ordered[]) ?? [];
    return { name: key.slice(key.indexOf(':') + 1), attrs, children: kids.map(convert).filter((n): n is XmlNode => n !== null) };
  }
  return null;
}

/** Parses one XML document and returns its root element. */
export function parseXml(text: string): XmlNode {
  const top = (parser.parse(text) as Ordered[]).map(convert).filter((n): n is XmlNode => n !== null && n.name !== '#text');
  if (top.length === 0) throw new Error('no root element');
  return top[0];
}

/** Attribute by local name ('id' matches 'r:id' only when `prefixed`, so sldId's id and r:id stay apart). */
export function attr(node: XmlNode, local: string, prefixed = false): string | undefined {
  for (const [k, v] of Object.entries(node.attrs)) {
    const i = k.indexOf(':');
    if (prefixed ? i >= 0 && k.slice(i + 1) === local : k === local) return v;
  }
  return undefined;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Follows a path of local names: path(sp, 'nvSpPr', 'nvPr', 'ph'). */
export function path(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let n = node;
  for (const name of names) n = child(n, name);
  return n;
}

/** Every descendant with this local name, in document order. */
export function descendants(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}
