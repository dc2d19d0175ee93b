// gonogo validate DECK: checks the spec, templates and metrics; writes nothing.
import { EXIT } from '../diagnostics.js';
import { allowOutsideOption, printDiagnostics, type CliCommand } from './io.js';
import type { Phase } from '../spec/schema.js';

export const validateCommand: CliCommand = {
  name: 'validate <deck>',
  describe: 'Check a deck folder (spec, templates, metrics) without writing anything',
  builder: (y) =>
    allowOutsideOption(y)
      .positional('deck', { type: 'string', describe: 'Deck folder (or its gonogo.yaml)', demandOption: true })
      .option('phase', { type: 'string', choices: ['design', 'interim', 'final'], describe: "Check this phase of a pilot instead of the spec's phase:" })
      .option('json', { type: 'boolean', describe: 'Print the result as JSON' })
      .option('normalized', { type: 'boolean', describe: 'Print the spec as every later stage reads it: thresholds parsed, rules typed, polarity, fallback and target resolved' }),
  run: async (args, io) => {
    const { runUntil } = await import('../pipeline.js');
    const phase = args.phase as Phase | undefined;
    const allowOutsideDeck = Boolean(args['allow-outside-deck']);
    if (args.normalized) {
      const run = await runUntil('load', String(args.deck), { cwd: io.cwd, phase, allowOutsideDeck });
      printDiagnostics(io, run.diagnostics);
      io.stdout(JSON.stringify(run.load!.spec, null, 2) + '\n');
      return EXIT.ok;
    }
    const run = await runUntil('compose', String(args.deck), { cwd: io.cwd, phase, allowOutsideDeck });
    printDiagnostics(io, run.diagnostics);
    const d = run.decide!;
    const verdict = { criterion: d.verdict.criterion, label: run.compose!.meta.verdict ?? d.verdict.label, ...(d.verdict.option ? { option: d.verdict.option } : {}), fallback: d.verdict.fallback, because: run.compose!.meta.because ?? '' };
    if (args.json) io.stdout(JSON.stringify({ ok: true, verdict, counts: d.counts, slides: run.compose!.slides.length, warnings: run.diagnostics.length }, null, 2) + '\n');
    else io.stdout(`${run.load!.file}: valid — ${run.load!.spec.metrics.length} metrics, ${run.load!.spec.criteria.length} criteria, verdict ${verdict.label}\n`);
    return EXIT.ok;
  },
};
