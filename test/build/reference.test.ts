// The reference decks as a reader meets them: built by the CLI, opened by LibreOffice, the same bytes
// every time and everywhere, and a failed build that leaves the last good deck alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../support/cli.js';
import { REFERENCE, tempDeck } from '../support/decks.js';
import { convertWithLibreOffice, pdfPages, pdfText } from '../support/office.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PILOT = join(ROOT, 'decks', 'call-volume-pilot');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let out: string;
let pptx: string;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'gonogo-ref-'));
  const r = await runCli(['build', REFERENCE, '--out', out, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  pptx = join(out, 'quoting-workflow.pptx');
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the quoting-workflow reference deck', () => {
  it('holds at least 14 slides, a picture with alt text per chart, and notes', () => {
    const zip = unzipSync(readFileSync(pptx));
    const slides = Object.keys(zip).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBeGreaterThanOrEqual(14);
    const pngs = Object.keys(zip).filter((n) => n.startsWith('ppt/media/') && zip[n][0] === 0x89 && strFromU8(zip[n].subarray(1, 4)) === 'PNG');
    expect(pngs.length).toBeGreaterThanOrEqual(7);
    const xml = slides.map((n) => strFromU8(zip[n])).join('\n');
    const pics = xml.match(/<p:pic>[\s\S]*?<\/p:pic>/g) ?? [];
    expect(pics.length).toBeGreaterThanOrEqual(7);
    for (const pic of pics) expect(pic).toMatch(/descr="[^"]{20,}"/);
    expect(Object.keys(zip).filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(8);
  });

  it('opens in LibreOffice: one PDF page per slide, with the texts in place', () => {
    const pdf = convertWithLibreOffice(pptx, 'pdf', out);
    const slides = Object.keys(unzipSync(readFileSync(pptx))).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
    expect(pdfPages(pdf)).toBe(slides);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const s of ['Recommend B', 'Median time to first quote', '7-day hire rate', 'Rollback within 30 minutes', 'Best case', 'Worst case']) expect(text).toContain(s);
  });

  it('keeps the speaker notes through LibreOffice (ODP round trip)', () => {
    const odp = convertWithLibreOffice(pptx, 'odp', out);
    const content = strFromU8(unzipSync(readFileSync(odp))['content.xml']);
    const notes = [...content.matchAll(/<presentation:notes[\s\S]*?<\/presentation:notes>/g)].map((m) => m[0].replace(/<[^>]+>/g, ' ')).join(' ');
    expect(notes).toContain('Lead with the recommendation');
    expect(notes).toContain('Pre-wire with Marcus Lee');
  });

  it('builds byte-identical files twice, and under another timezone and locale', async () => {
    const again = mkdtempSync(join(tmpdir(), 'gonogo-ref2-'));
    const tokyo = mkdtempSync(join(tmpdir(), 'gonogo-ref3-'));
    try {
      await runCli(['build', REFERENCE, '--out', again, '--quiet']);
      execFileSync(process.execPath, [join(ROOT, 'bin', 'gonogo.js'), 'build', REFERENCE, '--out', tokyo, '--quiet'], { env: { ...process.env, TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } });
      for (const f of readdirSync(out).filter((n) => /\.(pptx|md|json)$/.test(n) && n.startsWith('quoting-workflow'))) {
        expect(sha(join(again, f)), f).toBe(sha(join(out, f)));
        expect(sha(join(tokyo, f)), f).toBe(sha(join(out, f)));
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
      rmSync(tokyo, { recursive: true, force: true });
    }
  });

  it('writes every chart spec beside the deck', () => {
    const charts = readdirSync(join(out, 'charts'));
    expect(charts.filter((n) => n.endsWith('.vl.json')).sort()).toEqual(expect.arrayContaining(['distribution-ttfq_median.vl.json', 'timeseries-ttfq_median.vl.json', 'guardrails-all.vl.json', 'scenarios-primary.vl.json', 'forest-ttfq_median.vl.json', 'forest-hire_rate_7d.vl.json']));
  });
});

describe('a failed build', () => {
  it('exits 2 and leaves the last good output byte-identical', async () => {
    const deck = tempDeck();
    try {
      const first = await runCli(['build', deck.dir, '--quiet']);
      expect(first.code).toBe(0);
      const name = basename(deck.dir);
      const files = ['pptx', 'md', 'deck.json'].map((ext) => join(deck.dir, 'out', `${name}.${ext}`));
      const before = files.map(sha);
      const spec = join(deck.dir, 'gonogo.yaml');
      writeFileSync(spec, readFileSync(spec, 'utf8').replace('confidence: 0.90', 'confidence: 90'));
      const r = await runCli(['build', deck.dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/gonogo\.yaml:\d+:\d+: error: decision\.confidence/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(files.map(sha)).toEqual(before);
    } finally {
      deck.cleanup();
    }
  });
});

describe('the call-volume pilot reference deck, in each phase', () => {
  // What each phase's cover says and one figure of its own, as LibreOffice renders the written deck.
  it.each([
    ['design', 'design', 'Proposal for VP Sales, RevOps and frontline managers', '1,729'],
    ['interim', 'interim', 'Interim report, week 3 of the pilot', '57.8'],
    ['final', 'scale', 'Pilot readout: the result against the rules written before launch', '1.90×'],
  ])('builds the %s deck from the repository and opens it in LibreOffice', async (phase, criterion, cover, figure) => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-pilot-'));
    try {
      const r = await runCli(['build', PILOT, '--phase', phase, '--out', dir, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).verdict.criterion).toBe(criterion);
      const pdf = convertWithLibreOffice(join(dir, `call-volume-pilot-${phase}.pptx`), 'pdf', dir);
      expect(pdfPages(pdf)).toBe(JSON.parse(r.stdout).slides);
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      expect(text).toContain(cover);
      expect(text).toContain(figure);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
