// Hardening, round 2: the inputs that must build rather than be refused.
// - A corrupted cache (out/.cache) once flowed into the next PPTX: now every bad entry is dropped and rebuilt, and
//   the deck is byte-identical to a build without any cache; `build --debug` says what was dropped.
// - Text at the limits once hung the layout: a 10,000-character word, a 10,000-character title, combining-mark
//   floods and a 200-row register now build (each well inside the test's timeout), all text kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { runCli } from '../support/cli.js';
import { sub } from './support.js';
import { writeBase } from './hardening-support.js';

const ROOT = join(import.meta.dirname, '..', '..');
const root = mkdtempSync(join(tmpdir(), 'gonogo-hard-builds-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function deck(edit?: (yaml: string) => string): string {
  const dir = join(root, `case${n++}`, 'deck');
  writeBase(dir, 'minimal');
  if (edit) writeFileSync(join(dir, 'gonogo.yaml'), edit(readFileSync(join(dir, 'gonogo.yaml'), 'utf8')));
  return dir;
}

async function build(dir: string, ...args: string[]) {
  const r = await runCli(['build', '.', ...args], { cwd: dir, env: {} });
  expect(r.code, r.stderr).toBe(0);
  return r;
}

describe('a corrupted cache never reaches the deck', () => {
  let clean: Buffer;
  let cached: string;

  // Each build is its own process, as a user runs them: no in-memory render or width survives to hide the disk.
  const buildProcess = (dir: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'gonogo.js'), 'build', '.', '--debug'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });

  beforeAll(async () => {
    // The deck as built with no cache at all, and a folder whose out/.cache is complete (laid-out slides are kept
    // by the bundle the CLI runs, not from source).
    const fresh = deck();
    await build(fresh, '--quiet');
    clean = readFileSync(join(fresh, 'out', 'deck.pptx'));
    expect(buildProcess(fresh).status).toBe(0);
    expect(existsSync(join(fresh, 'out', '.cache', 'pages.json'))).toBe(true);
    cached = fresh;
  });

  const chartFiles = (dir: string, ext: string) => readdirSync(join(dir, 'out', '.cache', 'charts')).filter((f) => f.endsWith(ext)).sort();
  const widths = (dir: string) => join(dir, 'out', '.cache', 'text-widths.json');

  const corruptions: [string, (dir: string) => void, RegExp | null][] = [
    ['a chart PNG with one byte changed', (dir) => {
      const f = join(dir, 'out', '.cache', 'charts', chartFiles(dir, '.png')[0]);
      const b = readFileSync(f);
      b[b.length - 30] ^= 0x5a;
      writeFileSync(f, b);
    }, /info: dropped chart cache entry [0-9a-f]{32}: its files do not match their hash/],
    ['a chart PNG swapped for another chart’s PNG (a valid picture of the wrong chart)', (dir) => {
      const [a, b] = chartFiles(dir, '.png');
      const pa = join(dir, 'out', '.cache', 'charts', a);
      writeFileSync(pa, readFileSync(join(dir, 'out', '.cache', 'charts', b)));
    }, /dropped chart cache entry/],
    ['a chart SVG with a colour edited', (dir) => {
      const f = join(dir, 'out', '.cache', 'charts', chartFiles(dir, '.svg')[0]);
      writeFileSync(f, readFileSync(f, 'utf8').replace(/fill="#[0-9a-fA-F]{6}"/, 'fill="#ff00ff"'));
    }, /dropped chart cache entry/],
    ['a chart entry whose hash file is gone', (dir) => rmSync(join(dir, 'out', '.cache', 'charts', chartFiles(dir, '.sha256')[0])), null],
    ['a text width changed in text-widths.json', (dir) => {
      const text = readFileSync(widths(dir), 'utf8');
      const nl = text.indexOf('\n');
      const body = JSON.parse(text.slice(nl + 1));
      for (const k of Object.keys(body.widths)) body.widths[k] *= 3;
      writeFileSync(widths(dir), text.slice(0, nl + 1) + JSON.stringify(body));
    }, /info: dropped the text-width cache .*it does not match its hash/],
    ['text-widths.json cut short', (dir) => {
      const text = readFileSync(widths(dir), 'utf8');
      writeFileSync(widths(dir), text.slice(0, Math.floor(text.length / 2)));
    }, /dropped the text-width cache/],
    ['text-widths.json replaced by another file', (dir) => writeFileSync(widths(dir), '\u0000\u0001 not a cache'), /dropped the text-width cache/],
    ['a compressed slide part in pptx-parts.bin with one byte changed', (dir) => {
      const f = join(dir, 'out', '.cache', 'pptx-parts.bin');
      const b = readFileSync(f);
      b[b.length - 40] ^= 0x5a;
      writeFileSync(f, b);
    }, /info: dropped 1 entry of the deck-part cache .*: their bytes do not match their checksum/],
    ['pptx-parts.bin replaced by another file', (dir) => writeFileSync(join(dir, 'out', '.cache', 'pptx-parts.bin'), '\u0000\u0001 not a cache'), null],
    ['a laid-out text changed in pages.json', (dir) => {
      const f = join(dir, 'out', '.cache', 'pages.json');
      writeFileSync(f, readFileSync(f, 'utf8').replace('Ship the new flow?', 'Ship the old flow?'));
    }, /info: dropped the slide-layout cache .*it does not match its hash/],
    ['pages.json replaced by another file', (dir) => writeFileSync(join(dir, 'out', '.cache', 'pages.json'), '\u0000\u0001 not a cache'), /dropped the slide-layout cache/],
    ['pages.json written by another gonogo (its own hash right)', (dir) => {
      const f = join(dir, 'out', '.cache', 'pages.json');
      const text = readFileSync(f, 'utf8');
      const body = JSON.parse(text.slice(text.indexOf('\n') + 1));
      body.program = 'another-build';
      body.pages = Object.fromEntries(Object.entries(body.pages as Record<string, unknown[]>).map(([k]) => [k, []]));
      const json = JSON.stringify(body);
      writeFileSync(f, `gonogo-pages sha256:${createHash('sha256').update(json).digest('hex')}\n${json}`);
    }, null],
  ];

  for (const [name, corrupt, note] of corruptions)
    it(name, () => {
      const dir = join(root, `cache${n++}`, 'deck');
      cpSync(cached, dir, { recursive: true });
      corrupt(dir);
      const r = buildProcess(dir);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(dir, 'out', 'deck.pptx')).equals(clean)).toBe(true);
      if (note) expect(r.stderr).toMatch(note);
      // The cache is whole again: the next build drops nothing (checked once for charts, widths and pages).
      if (name.startsWith('a chart PNG with') || name.startsWith('a text width') || name.startsWith('a laid-out text')) {
        const again = buildProcess(dir);
        expect(again.stderr).not.toMatch(/dropped/);
        expect(readFileSync(join(dir, 'out', 'deck.pptx')).equals(clean)).toBe(true);
      }
    });
});

describe('a rebuild after an edit', () => {
  const buildProcess = (dir: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'gonogo.js'), 'build', '.', '--quiet'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } });
  const edit = (yaml: string) => sub(sub(yaml, 'title: Minimal deck', 'title: Minimal deck reworded'), 'question: Ship the new flow?', 'question: Ship the new flow to every region?');

  it('writes the deck a build from nothing writes, with the laid-out slides kept between them', () => {
    const dir = deck();
    expect(buildProcess(dir).status).toBe(0);
    const pages = join(dir, 'out', '.cache', 'pages.json');
    expect(existsSync(pages)).toBe(true);
    writeFileSync(join(dir, 'gonogo.yaml'), edit(readFileSync(join(dir, 'gonogo.yaml'), 'utf8')));
    const kept = Object.keys(JSON.parse(readFileSync(pages, 'utf8').split('\n')[1]).pages);
    const r = buildProcess(dir);
    expect(r.status, r.stderr).toBe(0);
    const after = Object.keys(JSON.parse(readFileSync(pages, 'utf8').split('\n')[1]).pages);
    // Most slides came from the cache (the edit touched the cover and the slides that quote the question)...
    expect(after.filter((k) => kept.includes(k)).length).toBeGreaterThan(after.length / 2);
    expect(after.filter((k) => !kept.includes(k)).length).toBeGreaterThan(0);
    // ...and the deck is the one a first build of the edited spec writes.
    const fresh = deck(edit);
    expect(buildProcess(fresh).status).toBe(0);
    for (const f of ['deck.pptx', 'deck.md', 'deck.deck.json']) expect(readFileSync(join(dir, 'out', f)).equals(readFileSync(join(fresh, 'out', f))), f).toBe(true);
  });
});

/** Every character of every text run in the deck, in slide order. */
function slideText(pptx: string): string {
  const parts = unzipSync(readFileSync(pptx));
  const slides = Object.keys(parts).filter((p) => /^ppt\/(slides|notesSlides)\/\w+\d+\.xml$/.test(p));
  for (const p of Object.keys(parts)) if (/\.(xml|rels|svg)$/.test(p)) expect(XMLValidator.validate(strFromU8(parts[p])), p).toBe(true);
  return slides.map((p) => [...strFromU8(parts[p]).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('')).join('');
}

describe('text at the limits builds, every character kept', () => {
  const count = (s: string, ch: string) => s.split(ch).length - 1;

  it('a 10,000-character word', async () => {
    const dir = deck((y) => sub(y, 'question: Ship the new flow?', `question: ${'q'.repeat(10_000)}`));
    await build(dir, '--quiet');
    expect(count(slideText(join(dir, 'out', 'deck.pptx')), 'q')).toBeGreaterThanOrEqual(10_000);
  });

  it('a 10,000-character title of words', async () => {
    const title = 'Zebra '.repeat(1667).slice(0, 10_000).trim();
    const dir = deck((y) => sub(y, 'title: Minimal deck', `title: ${title}`));
    const r = await build(dir);
    expect(count(slideText(join(dir, 'out', 'deck.pptx')), 'Zebra')).toBeGreaterThanOrEqual(1);
    expect(r.stderr).not.toMatch(/error/);
  });

  it('combining marks: one letter carrying 9,999 of them, and 2,000 stacked words', async () => {
    const dir = deck((y) => sub(sub(y, 'title: Minimal deck', `title: "a${'\u0301'.repeat(9_999)}"`), 'question: Ship the new flow?', `question: "${'e\u0301\u0302\u0303 '.repeat(2000).trim()}"`));
    await build(dir, '--quiet');
    expect(count(slideText(join(dir, 'out', 'deck.pptx')), '\u0303')).toBeGreaterThanOrEqual(2000);
  });

  it('a 200-row risk register, each row in the deck', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `  - {id: r${i}, description: Risk number ${i} of the long register, likelihood: low, impact: low, mitigation: Watch it}\n`).join('');
    const dir = deck((y) => `${y}risks:\n${rows}`);
    const r = await build(dir);
    expect(r.stderr).not.toMatch(/left out/);
    const text = slideText(join(dir, 'out', 'deck.pptx'));
    for (const i of [0, 99, 199]) expect(text).toContain(`Risk number ${i} of the long register`);
  });

  it('the outputs exist after each (no out/ left half-written)', () => {
    for (const c of readdirSync(root).filter((d) => d.startsWith('case')))
      if (existsSync(join(root, c, 'deck', 'out'))) expect(readdirSync(join(root, c, 'deck', 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a reader that closes the pipe', () => {
  it('gonogo schema | head -c 10 ends quietly with exit 0 (no EPIPE stack trace)', () => {
    // The shell pipeline itself, as a user types it; PIPESTATUS holds gonogo's exit code.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${join(ROOT, 'bin', 'gonogo.js')}" schema | head -c 10; echo " exit=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toBe('{\n  "$sche exit=0\n');
    expect(r.stderr).toBe('');
  });
});
