import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runUntil } from '../../src/pipeline.js';
import { readPptx } from '../../src/review/pptx-text.js';
import { outlineSlides, pptxSlides } from '../support/marks-checker.js';
import { checkStatements } from '../support/statement-checker.js';

const cases = [
  ['decks/quoting-workflow', undefined, '/tmp/i15c/qw/quoting-workflow'],
  ['decks/call-volume-pilot', 'design', '/tmp/i15c/pilot-design/call-volume-pilot-design'],
  ['decks/call-volume-pilot', 'interim', '/tmp/i15c/pilot-interim/call-volume-pilot-interim'],
  ['decks/call-volume-pilot', 'final', '/tmp/i15c/pilot-final/call-volume-pilot-final'],
] as const;
it('scratch', async () => {
  for (const [dir, phase, out] of cases) {
    const run = await runUntil('decide', dir, phase ? { phase } : {});
    const truth = { spec: run.load!.spec, decision: run.decide! };
    const outline = outlineSlides(readFileSync(out + '.md', 'utf8'));
    const p = pptxSlides(readPptx(new Uint8Array(readFileSync(out + '.pptx'))), outline);
    const probs = [...checkStatements(outline, truth, `${phase ?? 'qw'} md`), ...checkStatements(p.slides, truth, `${phase ?? 'qw'} pptx`)];
    console.log(probs.join('\n'));
  }
});
