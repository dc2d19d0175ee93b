// Entry: main(argv) → exit code. One module per verb; heavy libraries load inside each run().
import yargs from 'yargs';
import { EXIT } from '../diagnostics.js';
import { processIo, reportError, type CliCommand, type Io } from './io.js';
import { commands } from './commands.js';

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  // yargs reports each validation failure through fail() and may still call the handler: print the
  // first message only, and never run a command whose arguments failed.
  let failed = false;
  const debug = argv.includes('--debug');
  const parser = yargs(argv)
    .scriptName('gonogo')
    .usage('$0 <command> [options]\n\nDecision decks as code.')
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
  // yargs parses and validates; main runs the verb. (Given a handler, yargs would also lay out the whole help
  // text on every run, in case the handler fails later: a tenth of a rebuild.)
  for (const cmd of commands as CliCommand[]) parser.command(cmd.name, cmd.describe, cmd.builder);
  let args: Record<string, unknown>;
  try {
    args = (await parser.parseAsync()) as Record<string, unknown>;
  } catch (err) {
    return reportError(io, err, debug);
  }
  if (failed || args.help || argv.includes('--help')) return exitCode;
  const verb = (commands as CliCommand[]).find((c) => c.name.split(' ')[0] === String((args._ as unknown[])[0]));
  if (!verb) return exitCode;
  try {
    return await verb.run(args, io);
  } catch (err) {
    return reportError(io, err, debug);
  }
}
