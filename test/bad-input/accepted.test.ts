// Inputs that look odd but are fine: they must be ACCEPTED, and BOM/CRLF must change nothing at all.
// Texts with XML-special characters, emoji, right-to-left scripts and very long strings reach the Deck tree
// verbatim; escaping them is the renderers' job (the PPTX build must escape <, & and ]]>).
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runUntil } from '../../src/pipeline.js';
import type { Deck } from '../../src/deck/types.js';
import { runCli } from '../support/cli.js';
import { expectAccepted, makeDeck, sub, type BadCase } from './support.js';

const BOM = '\uFEFF';

async function deckOf(dir: string): Promise<Deck> {
  return (await runUntil('compose', '.', { cwd: dir })).compose!;
}

/** Every text in the Deck tree, for "reaches the slides verbatim" checks. */
function allText(deck: Deck): string {
  return JSON.stringify(deck);
}

async function withDeck<T>(c: Pick<BadCase, 'fixture' | 'spec' | 'csv' | 'files'>, fn: (dir: string) => Promise<T>): Promise<T> {
  const deck = makeDeck(c);
  try {
    return await fn(deck.dir);
  } finally {
    deck.cleanup();
  }
}

describe('accepted: the fixtures', () => {
  it('the minimal fixture deck validates', async () => {
    await withDeck({ fixture: 'minimal' }, async (dir) => {
      const r = await expectAccepted(dir);
      expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
    });
  });
});

describe('accepted: byte-order mark and line endings change nothing', () => {
  const clean = withDeck({}, async (dir) => ({ deck: await deckOf(dir), out: (await expectAccepted(dir)).stdout }));
  const variants: [string, (dir: string) => void][] = [
    ['spec with a BOM', (dir) => rewrite(join(dir, 'gonogo.yaml'), (t) => BOM + t)],
    ['spec with CRLF line ends', (dir) => rewrite(join(dir, 'gonogo.yaml'), (t) => t.replace(/\n/g, '\r\n'))],
    ['spec with a BOM and CRLF', (dir) => rewrite(join(dir, 'gonogo.yaml'), (t) => BOM + t.replace(/\n/g, '\r\n'))],
    ['metrics CSV with a BOM', (dir) => rewrite(join(dir, 'metrics.csv'), (t) => BOM + t)],
    ['metrics CSV with a BOM and CRLF', (dir) => rewrite(join(dir, 'metrics.csv'), (t) => BOM + t.replace(/\n/g, '\r\n'))],
    ['template override with a BOM and CRLF (same text as the built-in)', (dir) => writeFileSync(join(dir, 'templates', 'exec-title.hbs'), BOM + builtIn('exec-title').replace(/\n/g, '\r\n'))],
  ];
  for (const [name, edit] of variants)
    it(name, async () => {
      const want = await clean;
      await withDeck({ files: { 'templates/.keep': '' } }, async (dir) => {
        edit(dir);
        expect((await expectAccepted(dir)).stdout).toBe(want.out);
        expect(await deckOf(dir)).toEqual(want.deck);
      });
    });
});

const STRANGE: [string, string][] = [
  ['XML-special characters', `Fees < $5 & "quotes" <b>bold</b> ]]> &amp; 'apostrophes'`],
  ['emoji', 'Ship it 🚀 — pros love it 👍🏽 (ZWJ: 👩‍🔧)'],
  ['Arabic (right to left)', 'هل نوسّع سير عمل التسعير الجديد؟'],
  ['Hebrew mixed with English', 'האם להרחיב את workflow החדש ל-100%?'],
  ['a 10,000-character string', 'Long context. '.repeat(715).slice(0, 10_000)],
];

describe('accepted: unusual text in string fields reaches the Deck tree verbatim', () => {
  for (const [name, text] of STRANGE)
    it(name, async () => {
      const q = JSON.stringify(text); // a JSON string is a valid YAML double-quoted scalar
      await withDeck(
        {
          spec: (y) =>
            sub(
              sub(sub(sub(y, 'label: Expand to 100% of traffic', `label: ${q}`), 'name: Priya Raman', `name: ${q}`), 'description: Long-tail categories (Other, a sixth of requests) show a clear hire-rate drop', `description: ${q}`),
              'what_changed: The new quoting workflow pre-fills job details and notifies matching pros in parallel instead of in sequence.',
              `what_changed: ${q}`,
            ),
        },
        async (dir) => {
          await expectAccepted(dir);
          const deck = await deckOf(dir);
          expect(allText(deck)).toContain(JSON.stringify(text).slice(1, -1));
          expect(allText(deck)).not.toMatch(/undefined|NaN|\[object Object\]/);
        },
      );
    });

  it('a deck title made of XML-special characters and emoji', async () => {
    const title = '<Go> & "No-go" ]]> 🚦';
    await withDeck({ spec: (y) => sub(y, 'title: New quoting workflow — expand, gate or hold?', `title: ${JSON.stringify(title)}`) }, async (dir) => {
      await expectAccepted(dir);
      expect((await deckOf(dir)).slides.some((s) => s.title.includes(title))).toBe(true);
    });
  });

  it('tabs and line breaks inside a quoted string are not control-character errors', async () => {
    await withDeck({ spec: (y) => sub(y, 'owner: Dana Whitfield, Analytics Lead', 'owner: "Dana Whitfield,\\tAnalytics Lead\\nTeam"') }, async (dir) => {
      await expectAccepted(dir);
    });
  });
});

function rewrite(file: string, edit: (t: string) => string): void {
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

function builtIn(key: string): string {
  return readFileSync(join(import.meta.dirname, '..', '..', 'templates', `${key}.hbs`), 'utf8');
}

describe('accepted: paths', () => {
  it('a deck folder whose name has spaces and non-ASCII letters', async () => {
    await withDeck({}, async (dir) => {
      const named = join(dir, 'Décision deck 2026');
      mkdirSync(named);
      for (const f of ['gonogo.yaml', 'metrics.csv']) cpSync(join(dir, f), join(named, f));
      const r = await runCli(['validate', 'Décision deck 2026'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Décision deck 2026/gonogo.yaml: valid');
    });
  });

  it('the spec file given directly, under another name', async () => {
    await withDeck({}, async (dir) => {
      renameSync(join(dir, 'gonogo.yaml'), join(dir, 'decision.yml'));
      const r = await runCli(['validate', 'decision.yml'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    });
  });
});
