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
      .option('json', { type: 'boolean', describe: 'Print the result as JSON' }),
  run: async (args, io) => {
    const { runUntil } = await import('../pipeline.js');
    const run = await runUntil('compose', String(args.deck), { cwd: io.cwd, phase: args.phase as Phase | undefined, allowOutsideDeck: Boolean(args['allow-outside-deck']) });
    printDiagnostics(io, run.diagnostics);
    const d = run.decide!;
    if (args.json) io.stdout(JSON.stringify({ ok: true, verdict: d.verdict, counts: d.counts, slides: run.compose!.slides.length, warnings: run.diagnostics.length }, null, 2) + '\n');
    else io.stdout(`${run.load!.file}: valid — ${run.load!.spec.metrics.length} metrics, ${Object.keys(run.load!.spec.criteria).length} criteria, verdict ${d.verdict.label}\n`);
    return EXIT.ok;
  },
};
