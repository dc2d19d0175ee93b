// gonogo watch DECK: rebuild on every change to the spec, templates, data or lock; print verdict and time.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, errorDiag, GonogoError } from '../diagnostics.js';
import { allowOutsideOption, type CliCommand, type Io } from './io.js';
import type { BuildFn, BuildOutcome } from '../review/watch.js';
import type { Phase } from '../spec/schema.js';

/** The real build's shape (src/build.ts). */
type RealBuild = (deckDir: string, opts: { cwd?: string; env?: NodeJS.ProcessEnv; phase?: Phase; allowOutsideDeck?: boolean }) => Promise<BuildOutcome>;

async function loadRealBuild(): Promise<RealBuild> {
  const { build } = await import('../build.js');
  return build;
}

/** The command, with the build and the stop signal injectable (tests pass a fake build and their own signal). */
export function makeWatchCommand(loadBuild: () => Promise<RealBuild> = loadRealBuild, stopSignal: () => AbortSignal = sigintSignal): CliCommand {
  return {
    name: 'watch <deck>',
    describe: 'Rebuild the deck on every change to its spec, templates, data or lock',
    builder: (y) => allowOutsideOption(y)
        .positional('deck', { type: 'string', describe: 'Deck folder', demandOption: true })
        .option('phase', { type: 'string', choices: ['design', 'interim', 'final'], describe: "Build this phase of a pilot instead of the spec's phase: (writes <deck>-<phase>.pptx)" })
        .option('debounce', { type: 'number', default: 150, describe: 'Milliseconds to wait for more changes' }),
    run: async (args, io: Io) => {
      const dir = resolve(io.cwd, String(args.deck ?? ''));
      if (args.deck === undefined || !existsSync(join(dir, 'gonogo.yaml')))
        throw new GonogoError(errorDiag('watch/no-deck', `${String(args.deck ?? '')} is not a deck folder (no gonogo.yaml in it)`, { expected: 'gonogo watch DECK_FOLDER', hint: 'create one with: gonogo init DECK_FOLDER' }));
      const { watchDeck } = await import('../review/watch.js');
      const real = await loadBuild();
      const build: BuildFn = (d) => real(d, { cwd: io.cwd, env: io.env, phase: args.phase as Phase | undefined, allowOutsideDeck: Boolean(args['allow-outside-deck']) });
      await watchDeck(dir, { build, signal: stopSignal(), debounceMs: Number(args.debounce), log: (l) => io.stdout(l + '\n'), error: (t) => io.stderr(t) });
      return EXIT.ok;
    },
  };
}

function sigintSignal(): AbortSignal {
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  process.once('SIGTERM', () => ac.abort());
  return ac.signal;
}

export const watchCommand = makeWatchCommand();
