// The CLI's window on the world, injectable so tests run main() in-process.
import { GonogoError, formatDiagnostic, EXIT, type Diagnostic } from '../diagnostics.js';
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

export function printDiagnostics(io: Io, diags: readonly Diagnostic[]): void {
  for (const d of diags) io.stderr(formatDiagnostic(d) + '\n');
}

/** Expected failures print their diagnostics; anything else is a bug and keeps its stack with --debug. */
export function reportError(io: Io, err: unknown, debug: boolean): number {
  if (err instanceof GonogoError) {
    printDiagnostics(io, err.diagnostics);
    if (debug && err.stack) io.stderr(err.stack + '\n');
    return err.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`gonogo: internal error: ${message}\n`);
  io.stderr(debug && err instanceof Error && err.stack ? err.stack + '\n' : 'Run again with --debug for the stack trace, and report it.\n');
  return EXIT.internal;
}
