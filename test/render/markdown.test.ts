import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { fileURLToPath } from 'node:url';
import { escapeInline, renderMarkdown } from '../../src/render/markdown.js';
import { sampleDeck } from '../layout/fixtures.js';

const golden = fileURLToPath(new URL('./fixtures/sample.md', import.meta.url));
const deck = { ...sampleDeck, slides: sampleDeck.slides.filter((s) => !['long-text', 'long-table', 'dense-exec', 'dense-comparison', 'wide-table'].includes(s.id)) };

describe('renderMarkdown', () => {
  it('matches the golden outline (UPDATE=1 regenerates)', () => {
    const md = renderMarkdown(deck);
    if (process.env.UPDATE === '1' || !existsSync(golden)) writeFileSync(golden, md);
    expect(md).toBe(readFileSync(golden, 'utf8'));
  });

  it('has one numbered ## heading per slide, in order', () => {
    const headings = renderMarkdown(sampleDeck).split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(sampleDeck.slides.map((s, i) => `## ${i + 1}. ${escapeInline(s.title)}`));
  });

  it('is stable and does not depend on the clock', () => {
    expect(renderMarkdown(sampleDeck)).toBe(renderMarkdown(structuredClone(sampleDeck)));
    expect(renderMarkdown(sampleDeck)).not.toMatch(/\d{2}:\d{2}:\d{2}/);
  });

  it('escapes markup and table pipes', () => {
    expect(escapeInline('a*b* [x] <y> metric_id _z_')).toBe('a\\*b\\* \\[x\\] \\<y\\> metric_id \\_z\\_');
    expect(escapeInline('# not a heading')).toBe('\\# not a heading');
    const md = renderMarkdown({ meta: deck.meta, slides: [{ id: 't', kind: 'table', section: '', title: 'T', notes: [], blocks: [{ type: 'table', header: ['a|b'], rows: [[{ text: 'x|y' }]] }] }] });
    expect(md).toContain('| a\\|b |');
    expect(md).toContain('| x\\|y |');
  });

  it('points each chart at its Vega-Lite spec and keeps notes as a quote', () => {
    const md = renderMarkdown(deck, { chartDir: 'out/charts' });
    expect(md).toContain('(out/charts/forest-ttfq_median.vl.json)');
    expect(md).toContain('> **Notes:** Pre-wire: Finance asked about support cost; the response is the fix plan.\n>\n> Ask: approve option B today.');
  });
});

describe('pandoc reads the outline', () => {
  it('turns each ## heading into a slide title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gonogo-pandoc-'));
    try {
      const out = join(dir, 'outline.pptx');
      execFileSync('pandoc', [golden, '-o', out]);
      const parts = unzipSync(readFileSync(out));
      const titles = Object.keys(parts)
        .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
        .map((n) => /<a:t>(\d+)\. /.exec(strFromU8(parts[n]))?.[1])
        .filter(Boolean)
        .map(Number)
        .sort((a, b) => a - b);
      expect(titles).toEqual(deck.slides.map((_, i) => i + 1));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
