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
  let ran = false;
  // yargs reports each validation failure through fail() and may still call the handler: print the
  // first message only, and never run a command whose arguments failed.
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
  const handler = (cmd: CliCommand) => async (args: Record<string, unknown>) => {
    if (failed) return;
    ran = true;
    try {
      exitCode = await cmd.run(args, io);
    } catch (err) {
      exitCode = reportError(io, err, debug);
    }
  };
  const register = (y: Argv, cmd: CliCommand): Argv => {
    const subs = cmd.subcommands;
    if (!subs) return y.command(cmd.name, cmd.describe, cmd.builder, handler(cmd));
    const builder = (inner: Argv) => subs.reduce(register, cmd.builder(inner)).demandCommand(1, `Name one: ${subs.map((s) => s.name.split(' ')[0]).join(', ')}.`);
    return y.command(cmd.name, cmd.describe, builder);
  };
  commands.reduce(register, parser);
  try {
    const out = await parser.parseAsync();
    if (!ran && exitCode === EXIT.ok && (out.help || argv.includes('--help'))) return EXIT.ok;
  } catch (err) {
    return reportError(io, err, debug);
  }
  return exitCode;
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
