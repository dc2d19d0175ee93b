// Hostile text in string fields (XML specials, CDATA ends, emoji, right-to-left scripts) is escaped:
// every part of the PPTX stays well-formed XML, LibreOffice opens it, and the reader sees the text as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { runCli } from '../support/cli.js';
import { precomputedDeck } from '../support/decks.js';
import { convertWithLibreOffice, pdfText } from '../support/office.js';

const HOSTILE = 'Tail <b>&amp; ]]> risk 🚀 — مخاطر الفئات الصغيرة — סיכון בקטגוריות';
const OPTION = "Expand <all> & everything ]]> 'now'";

let deck: ReturnType<typeof precomputedDeck>;
let pptx: string;
let stderr: string;

beforeAll(async () => {
  deck = precomputedDeck((y) =>
    y
      .replace('description: Long-tail categories (Other, a sixth of requests) show a clear hire-rate drop', `description: ${JSON.stringify(HOSTILE)}`)
      .replace('label: Expand to 100% of traffic', `label: ${JSON.stringify(OPTION)}`)
      .replace('ask: Agree that 100% follows automatically if the 2-week quality read passes', `ask: ${JSON.stringify(`Agree </p:txBody> & ${HOSTILE}`)}`),
  );
  const r = await runCli(['build', deck.dir, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  stderr = r.stderr;
  pptx = join(deck.dir, 'out', `${basename(deck.dir)}.pptx`);
});
afterAll(() => deck.cleanup());

describe('hostile text in the spec', () => {
  it('leaves every XML part of the PPTX well-formed', () => {
    const zip = unzipSync(readFileSync(pptx));
    for (const [name, bytes] of Object.entries(zip))
      if (/\.(xml|rels)$/.test(name)) expect(XMLValidator.validate(strFromU8(bytes)), name).toBe(true);
    const slides = Object.keys(zip).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => strFromU8(zip[n])).join('');
    expect(slides).toContain('Expand &lt;all&gt; &amp; everything ]]&gt;');
  });

  it('reaches the reader as typed, through LibreOffice', () => {
    const text = pdfText(convertWithLibreOffice(pptx, 'pdf', join(deck.dir, 'out'))).replace(/\s+/g, ' ');
    expect(text).toContain('Tail <b>&amp; ]]> risk');
    expect(text).toContain('Expand <all> &');
    expect(text).toContain('סיכון');
    expect(stderr).toBe('');
  });
});

describe('a 10,000-character text', () => {
  it('is laid out across slides, not dropped or clipped', async () => {
    const words = Array.from({ length: 1700 }, (_, i) => `w${i}`);
    const long = words.join(' ');
    expect(long.length).toBeGreaterThanOrEqual(9_000);
    const big = precomputedDeck((y) => y.replace('description: Slower pros may churn if fast responders win most jobs', `description: ${JSON.stringify(long)}`));
    try {
      const r = await runCli(['build', big.dir]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/could not be placed/);
      const zip = unzipSync(readFileSync(join(big.dir, 'out', `${basename(big.dir)}.pptx`)));
      const text = Object.keys(zip)
        .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
        .map((n) => strFromU8(zip[n]))
        .join(' ')
        .replace(/<[^>]+>/g, ' ');
      for (const w of [words[0], words[850], words[1699]]) expect(text).toMatch(new RegExp(`\\b${w}\\b`));
      const present = new Set(text.split(/\s+/));
      expect(words.filter((w) => !present.has(w))).toEqual([]);
      expect(text).toContain('(cont.)');
    } finally {
      big.cleanup();
    }
  });
});
