// gonogo build DECK: spec + metrics → PPTX, Markdown outline, Deck JSON and chart specs in DECK/out/.
import { errorDiag, EXIT, GonogoError } from '../diagnostics.js';
import { MARKS, MARK_WORD } from '../model/outcomes.js';
import { allowOutsideOption, printDiagnostics, type CliCommand } from './io.js';
import type { Phase } from '../spec/schema.js';

export const buildCommand: CliCommand = {
  name: 'build <deck>',
  describe: 'Build the deck: PPTX, Markdown outline and chart specs in <deck>/out/',
  builder: (y) =>
    allowOutsideOption(y)
      .positional('deck', { type: 'string', describe: 'Deck folder (or its gonogo.yaml)', demandOption: true })
      .option('out', { type: 'string', describe: 'Output folder (default: <deck>/out)' })
      .option('pull', { type: 'boolean', describe: 'Run the SQL and rewrite metrics.lock.json before building (default: read the lock)' })
      .option('timeout', { type: 'number', describe: 'With --pull: seconds the warehouse login and each query may take (default: source.timeout, else 600)' })
      .option('phase', { type: 'string', choices: ['design', 'interim', 'final'], describe: "Build this phase of a pilot instead of the spec's phase: (writes <deck>-<phase>.pptx)" })
      .option('checkpoint', { type: 'string', describe: 'Stamp the deck with a checkpoint name, e.g. "Day 2 EOD"' })
      .option('pdf', { type: 'boolean', describe: 'Also export a PDF pre-read (needs LibreOffice)' })
      .option('thumbnails', { type: 'boolean', describe: 'Also write one PNG per slide to <out>/thumbs (needs LibreOffice and pdftoppm)' })
      .option('json', { type: 'boolean', describe: 'Print the summary as JSON' })
      .option('quiet', { type: 'boolean', alias: 'q', describe: 'Print nothing on success' }),
  run: async (args, io) => {
    const { build } = await import('../build.js');
    const { resolve } = await import('node:path');
    const { timeoutArg } = await import('./pull.js');
    if (args.out !== undefined && String(args.out).trim() === '')
      throw new GonogoError(errorDiag('cli/out', '--out names no folder', { field: '--out', expected: 'a folder to write the deck into, e.g. --out build/', hint: 'give the folder after --out, or leave --out out to write into <deck>/out' }));
    const r = await build(String(args.deck), {
      cwd: io.cwd,
      env: io.env,
      checkpoint: args.checkpoint as string | undefined,
      pull: Boolean(args.pull),
      timeoutSeconds: timeoutArg(args.timeout),
      allowOutsideDeck: Boolean(args['allow-outside-deck']),
      phase: args.phase as Phase | undefined,
      outDir: args.out ? resolve(io.cwd, String(args.out)) : undefined,
      endChartThreads: true,
    });
    // Theme notes (what a corporate template contributed and what was ignored) print even though they are info.
    // Cache notes (an entry dropped for not matching its hash) are for --debug.
    if (!args.quiet) printDiagnostics(io, r.diagnostics.filter((d) => d.severity !== 'info' || d.code.startsWith('theme/') || (args.debug && d.code.startsWith('cache/'))));
    const exported: string[] = [];
    if (args.pdf || args.thumbnails) {
      const { exportPdf, exportThumbnails } = await import('../review/export.js');
      const { join, relative } = await import('node:path');
      const pdf = await exportPdf(r.pptxFile, r.outDir);
      if (args.pdf) exported.push(relative(io.cwd, pdf));
      if (args.thumbnails) {
        const thumbs = await exportThumbnails(pdf, join(r.outDir, 'thumbs'));
        exported.push(`${relative(io.cwd, join(r.outDir, 'thumbs'))}/ (${thumbs.length} PNGs)`);
      }
    }
    const v = r.decision.verdict;
    const c = r.decision.counts;
    if (args.json) {
      io.stdout(JSON.stringify({ verdict: { criterion: v.criterion, label: r.deck.meta.verdict ?? v.label, ...(v.option ? { option: v.option } : {}), fallback: v.fallback, because: r.deck.meta.because ?? '' }, counts: c, slides: r.slideCount, pptx: r.pptxPath, markdown: r.markdownPath, exported, ms: Math.round(r.ms) }, null, 2) + '\n');
    } else if (!args.quiet) {
      io.stdout(
        `${r.deck.meta.verdict ?? v.label}${v.option ? ` (option ${v.option})` : ''}\n` +
          // Design and interim decks decide nothing yet: no "because".
          (r.decision.criteria.length ? `  because ${r.deck.meta.because ?? ''}\n` : '') +
          (r.decision.criteria.length ? `  rules: ${MARKS.filter((k) => c[k]).map((k) => `${c[k]} ${MARK_WORD[k]}`).join(' · ')}\n` : '') +
          `  ${r.slideCount} slides → ${r.pptxPath} (+ ${r.markdownPath}) in ${(r.ms / 1000).toFixed(2)} s\n` +
          exported.map((p) => `  exported ${p}\n`).join(''),
      );
    }
    return EXIT.ok;
  },
};
