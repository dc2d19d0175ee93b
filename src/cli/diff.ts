// gonogo diff A B | gonogo diff DECK --from REV [--to REV]: what changed between two versions of a deck.
// Exit codes as diff(1): 0 the same, 1 different, 2 trouble.
import { EXIT, errorDiag, GonogoError } from '../diagnostics.js';
import { reportError, type CliCommand } from './io.js';

export const diffCommand: CliCommand = {
  name: 'diff <a> [b]',
  describe: 'Compare two decks (PPTX files, deck folders, or one deck folder at two git revisions)',
  builder: (y) =>
    y
      .positional('a', { type: 'string', describe: 'A .pptx file or deck folder', demandOption: true })
      .positional('b', { type: 'string', describe: 'The other .pptx file or deck folder' })
      .option('from', { type: 'string', describe: 'Compare deck folder <a> as committed at this git revision…' })
      .option('to', { type: 'string', describe: '…with this revision (default: the working tree)' })
      .option('json', { type: 'boolean', describe: 'Print the changes as JSON' }),
  run: async (args, io) => {
    try {
      const { snapshotOf, snapshotAtRevision } = await import('../snapshot.js');
      const { diffDecks } = await import('../review/diff.js');
      const { formatChanges, changesJson } = await import('../review/diff-format.js');
      const a = String(args.a);
      const from = args.from === undefined ? undefined : String(args.from);
      const to = args.to === undefined ? undefined : String(args.to);
      if (from === undefined && (to !== undefined || args.b === undefined))
        throw new GonogoError(errorDiag('diff/usage', args.b === undefined ? 'gonogo diff needs two things to compare' : '--to needs --from', { expected: 'gonogo diff A B, or gonogo diff DECK --from REV [--to REV]' }));
      if (from !== undefined && args.b !== undefined) throw new GonogoError(errorDiag('diff/usage', 'give either a second deck or --from, not both', { expected: 'gonogo diff DECK --from REV [--to REV]' }));
      const left = from !== undefined ? await snapshotAtRevision(a, from, io.cwd) : await snapshotOf(a, io.cwd);
      const right = from !== undefined ? (to !== undefined ? await snapshotAtRevision(a, to, io.cwd) : await snapshotOf(a, io.cwd)) : await snapshotOf(String(args.b), io.cwd);
      if (left.source !== right.source) throw new GonogoError(errorDiag('diff/mixed', `cannot compare a ${left.source === 'pptx' ? 'PPTX file' : 'deck folder'} with a ${right.source === 'pptx' ? 'PPTX file' : 'deck folder'}`, { hint: 'compare two .pptx files or two deck folders' }));
      const changes = diffDecks(left, right);
      io.stdout(args.json ? changesJson(changes, left, right) : formatChanges(changes, left.label, right.label));
      return changes.length ? EXIT.differ : EXIT.ok;
    } catch (err) {
      reportError(io, err, Boolean(args.debug));
      return EXIT.usage; // diff(1): 2 means trouble, whatever the kind
    }
  },
};
