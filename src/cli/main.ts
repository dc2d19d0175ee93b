// Entry: main(argv) → exit code. One module per verb; heavy libraries load inside each run().
import yargs, { type Argv } from 'yargs';
import { EXIT } from '../diagnostics.js';
import { processIo, reportError, type CliCommand, type Io } from './io.js';
import { commands } from './commands.js';
import { VERSION } from './version.js';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (io === processIo) quietOnBrokenPipe();
  // Printed here rather than by yargs, which writes to the console instead of io.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  let exitCode: number = EXIT.ok;
  // yargs reports each validation failure through fail(): print the first message only, and never run a
  // command whose arguments failed.
  let failed = false;
  const debug = argv.includes('--debug');
  const parser = yargs(argv)
    .scriptName('gonogo')
    .usage(`$0 <command> [options]\n\nDecision decks as code. gonogo --version prints the version (${VERSION}).`)
    .option('debug', { type: 'boolean', describe: 'Show stack traces for internal errors', global: true })
    .strict()
    .demandCommand(1, 'Name a command: gonogo --help lists them.')
    .recommendCommands()
    .help()
    .version(false)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      if (!failed) io.stderr(`gonogo: ${msg}\nRun gonogo --help for usage.\n`);
      failed = true;
      exitCode = EXIT.usage;
    });
  // yargs parses and validates; main runs the verb it matched. (Given handlers, yargs would also lay out the whole
  // help text on every run, in case a handler fails later: a tenth of a rebuild.)
  const register = (y: Argv, cmd: CliCommand): Argv => {
    const subs = cmd.subcommands;
    if (!subs) return y.command(cmd.name, cmd.describe, cmd.builder);
    const builder = (inner: Argv) => subs.reduce(register, cmd.builder(inner)).demandCommand(1, `Name one: ${subs.map((s) => s.name.split(' ')[0]).join(', ')}.`);
    return y.command(cmd.name, cmd.describe, builder);
  };
  commands.reduce(register, parser);
  let args: Record<string, unknown>;
  try {
    args = (await parser.parseAsync()) as Record<string, unknown>;
  } catch (err) {
    return reportError(io, err, debug);
  }
  if (failed || args.help || argv.includes('--help')) return exitCode;
  // The verb named by the command words (and its subcommand, as in `gonogo stats mde`).
  let verb: CliCommand | undefined;
  let list: CliCommand[] | undefined = commands;
  for (const word of args._ as unknown[]) {
    const next: CliCommand | undefined = list?.find((c) => c.name.split(' ')[0] === String(word));
    if (!next) break;
    verb = next;
    list = next.subcommands;
  }
  if (!verb) return exitCode;
  try {
    return await verb.run(args, io);
  } catch (err) {
    return reportError(io, err, debug);
  }
}

/**
 * `gonogo schema | head -c 10`: the reader has all it wants and closes the pipe. That ends gonogo quietly with exit 0,
 * as it would any Unix filter, instead of an unhandled EPIPE and its stack trace. A closed stderr is ignored.
 */
function quietOnBrokenPipe(): void {
  if (process.stdout.listenerCount('error') === 0)
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(EXIT.ok);
      throw err;
    });
  if (process.stderr.listenerCount('error') === 0)
    process.stderr.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
}
