// Every refused case: exit 2, one clear message at file:line:col with field/expected/hint, no stack trace,
// nothing written (and, once `build` exists, a previous out/ left byte-identical).
import { describe, it } from 'vitest';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expectRefused, makeDeck, type BadCase } from './support.js';
import { confidence, duplicateIds, quantities, undefinedRefs, unknownKeys, wrongTypes, yamlSyntax } from './spec-cases.js';
import { csvCases, jsonCases, templateCases } from './data-cases.js';
import { fileCases } from './file-cases.js';

export const ALL_REFUSED: Record<string, BadCase[]> = {
  'YAML syntax': yamlSyntax,
  'wrong types': wrongTypes,
  'unknown keys': unknownKeys,
  'duplicate ids': duplicateIds,
  'undefined references': undefinedRefs,
  quantities,
  'confidence levels': confidence,
  'CSV metrics': csvCases,
  'JSON metrics': jsonCases,
  templates: templateCases,
  files: fileCases,
};

for (const [group, cases] of Object.entries(ALL_REFUSED))
  describe(`refused: ${group}`, () => {
    for (const c of cases)
      it(c.name, async () => {
        const deck = makeDeck(c);
        try {
          await expectRefused(deck.dir, c.expect, c.target);
        } finally {
          deck.cleanup();
        }
      });
  });

describe('refused: size', () => {
  it('a 50 MB metrics file is refused from its size, before it is read', async () => {
    const deck = makeDeck({});
    try {
      // Written in 1 MB chunks: the test itself never holds the file in memory either.
      const fd = openSync(join(deck.dir, 'metrics.csv'), 'w');
      writeSync(fd, 'metric,arm,segment,estimate,ci_low,ci_high,n\n');
      const row = 'ttfq_median,control,all,42,41.5241,42.4759,43000\n';
      const chunk = Buffer.from(row.repeat(Math.ceil((1 << 20) / row.length)));
      for (let written = 0; written < 50 << 20; written += chunk.length) writeSync(fd, chunk);
      closeSync(fd);
      await expectRefused(deck.dir, {
        code: 'file/too-large',
        message: /metrics file metrics\.csv is 50\.\d MB, more than the 20 MB gonogo reads/,
        at: { file: 'metrics.csv', line: 1, col: 1 },
        hint: /aggregate the data first/,
      });
    } finally {
      deck.cleanup();
    }
  });
});
