// Property: arbitrary Unicode (fast-check's full code-point strings: controls, noncharacters, unpaired surrogates,
// XML specials, combining marks, right-to-left text) in every text field of the spec, the theme's texts and font
// names, and every template. Whatever is written, gonogo either refuses it with one located message (exit 2) or
// builds a deck whose every XML part is well-formed — never exit 70, never a part PowerPoint would refuse.
// One built sample is opened in LibreOffice.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { runCli } from '../support/cli.js';
import { CASES_DIR } from '../bad-input/support.js';
import { convertWithLibreOffice, pdfPages } from '../support/office.js';

/**
 * What the spec must refuse, written here independently of gonogo's own check: C0 controls other than tab, line
 * feed and carriage return, DEL and C1, noncharacters, and unpaired surrogates (matched as such under the u flag).
 */
const REFUSED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uD800-\uDFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;
const REFUSED_ALL = new RegExp(REFUSED.source, 'gu');

/** Pieces a hostile or careless text is made of, the arbitrary code points first. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '&amp;', '<!--', '<![CDATA[', '&#1;', '</a:t>') },
  { weight: 1, arbitrary: fc.constantFrom('🚀', '👩‍🔧', 'هل نوسّع', 'שלום', 'e\u0301\u0302\u0303', '\u200b', '\u202e', '\t', '\n', '  ') },
);
const hostile = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));

/** Free-text keys of the spec (anything else is an id, an enum, a date, a quantity or a path). */
const TEXT_KEYS = new Set(['title', 'subtitle', 'owner', 'audience', 'confidentiality', 'question', 'label', 'description', 'group', 'name', 'concerns', 'objections', 'responses', 'ask', 'bias_direction', 'mitigation', 'residual_risk', 'workstream', 'R', 'A', 'C', 'I', 'when', 'what', 'success', 'signal', 'threshold', 'cadence', 'action', 'dashboards', 'triggers', 'do', 'within', 'who_flips', 'who_communicates', 'who_postmortems', 'assumption', 'note', 'what_changed', 'cohorts', 'timeframe', 'unit_of_analysis', 'pros', 'cons', 'unit']);
const isText = (path: (string | number)[]) => {
  const key = [...path].reverse().find((p) => typeof p === 'string') as string;
  if (key === 'role') return path[0] === 'stakeholders';
  if (key === 'method') return path[0] === 'context';
  if (key === 'name') return path[0] === 'stakeholders';
  return TEXT_KEYS.has(key) && path[0] !== 'source';
};

const REGISTERS = join(CASES_DIR, 'registers');

/** A deck with every section once (test/bad-input/cases/registers), every text replaced from `texts` (cycled), and theme texts. */
function hostileSpec(texts: string[]): string {
  let i = 0;
  const next = () => texts[i++ % texts.length];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') return isText(path) ? next() : v;
    if (Array.isArray(v)) return v.map((x, k) => walk(x, [...path, k]));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };
  const spec = walk(parse(readFileSync(join(REGISTERS, 'gonogo.yaml'), 'utf8')), []) as Record<string, unknown>;
  spec.owners = { [next() || 'x']: next() || 'y' };
  spec.theme = { footer: next(), confidentiality: next(), fonts: { heading: next().trim() || 'H', body: next().trim() || 'B' } };
  // JSON is YAML: every string is double-quoted, with escapes for what cannot be written raw.
  return JSON.stringify(spec, null, 1) + '\n';
}

const TEMPLATES_DIR = join(import.meta.dirname, '..', '..', 'templates');
const TEMPLATES = readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.hbs'));

/** Every template overridden: its own text with literal hostile text around it (no braces or backslashes, which are syntax). */
function writeTemplates(dir: string, literal: string): void {
  mkdirSync(join(dir, 'templates'), { recursive: true });
  const safe = literal.replace(/[{}\\]/g, '');
  for (const f of TEMPLATES) writeFileSync(join(dir, 'templates', f), `${safe} ${readFileSync(join(TEMPLATES_DIR, f), 'utf8').trim()} ${safe}\n`);
}

const decks: string[] = [];
afterAll(() => decks.forEach((d) => rmSync(d, { recursive: true, force: true })));

function deckWith(texts: string[], literal: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gonogo-unicode-'));
  decks.push(dir);
  cpSync(REGISTERS, dir, { recursive: true });
  writeFileSync(join(dir, 'gonogo.yaml'), hostileSpec(texts));
  writeTemplates(dir, literal);
  return dir;
}

function expectWellFormed(pptx: string): void {
  const parts = unzipSync(readFileSync(pptx));
  for (const [name, bytes] of Object.entries(parts))
    if (/\.(xml|rels|svg)$/.test(name)) expect(XMLValidator.validate(strFromU8(bytes)), name).toBe(true);
}

let sample: string | undefined;

describe('arbitrary Unicode in every text field and template', () => {
  it('builds, with every XML part of the PPTX well-formed, once the characters the spec refuses are left out', async () => {
    let built = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 8, maxLength: 24 }), hostile, async (raw, literal) => {
        const clean = (s: string) => s.replace(REFUSED_ALL, '');
        const texts = raw.map(clean).map((s) => (s.trim() === '' ? `${s}x` : s));
        const dir = deckWith(texts, clean(literal));
        const r = await runCli(['build', '.', '--quiet'], { cwd: dir, env: {} });
        expect(r.code, r.stderr).toBe(0);
        expectWellFormed(join(dir, 'out', `${dir.split('/').pop()}.pptx`));
        sample ??= join(dir, 'out', `${dir.split('/').pop()}.pptx`);
        built++;
      }),
      { numRuns: 6, seed: 2020 },
    );
    expect(built).toBe(6);
  }, 240_000);

  it('refuses a text holding a character the spec refuses, with one message at its place in gonogo.yaml', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 8, maxLength: 24 }), async (raw) => {
        const texts = raw.some((t) => REFUSED.test(t)) ? raw : [...raw, `x${String.fromCharCode(7)}`];
        const dir = deckWith(texts, 'plain');
        const r = await runCli(['validate', '.'], { cwd: dir, env: {} });
        expect(r.code, r.stderr).toBe(2);
        const head = r.stderr.split('\n')[0];
        expect(head).toMatch(/^gonogo\.yaml:\d+:\d+: error: .* contains the (control character|noncharacter|unpaired surrogate)/);
        expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
        expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
      }),
      { numRuns: 25, seed: 2021 },
    );
  }, 120_000);

  it('a built sample opens in LibreOffice, every slide rendered', () => {
    expect(sample).toBeDefined();
    const out = mkdtempSync(join(tmpdir(), 'gonogo-unicode-lo-'));
    decks.push(out);
    const pdf = convertWithLibreOffice(sample!, 'pdf', out);
    const slides = Object.keys(unzipSync(readFileSync(sample!))).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    expect(pdfPages(pdf)).toBe(slides);
  }, 240_000);
});
