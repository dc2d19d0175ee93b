// The CLI's window on the world, injectable so tests run main() in-process.
import { GonogoError, formatDiagnostics, EXIT, type Diagnostic } from '../diagnostics.js';
import type { Argv } from 'yargs';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
};

/** One verb: a yargs builder and a run function that returns the exit code. */
export interface CliCommand {
  name: string;
  describe: string;
  builder: (y: Argv) => Argv;
  run: (args: Record<string, unknown>, io: Io) => Promise<number>;
  /** Verbs under this one (`gonogo stats mde`), each with its own options and --help; one of them runs. */
  subcommands?: CliCommand[];
}

/** The flag that lets a spec name files outside its deck folder (off by default: a deck builds from what it holds). */
export function allowOutsideOption(y: Argv): Argv {
  return y.option('allow-outside-deck', { type: 'boolean', describe: 'Let the spec name files (theme, template, logo, metrics) outside the deck folder' });
}

export function printDiagnostics(io: Io, diags: readonly Diagnostic[]): void {
  for (const text of formatDiagnostics(diags)) io.stderr(text + '\n');
}

/** Expected failures print their diagnostics; anything else is a bug and keeps its stack with --debug. */
export function reportError(io: Io, err: unknown, debug: boolean): number {
  if (err instanceof GonogoError) {
    printDiagnostics(io, err.diagnostics);
    if (debug && err.stack) io.stderr(err.stack + '\n');
    return err.exitCode;
  }
  const message = (err instanceof Error ? err.message : String(err)).replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD').slice(0, 500);
  io.stderr(`gonogo: internal error: ${message}\n`);
  io.stderr(debug && err instanceof Error && err.stack ? err.stack + '\n' : 'Run again with --debug for the stack trace, and report it.\n');
  return EXIT.internal;
}
