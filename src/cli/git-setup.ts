// gonogo git-setup [DIR]: tells git, in the repository holding DIR, to show decks as text in `git diff`.
// The driver names this very installation (node and script by absolute path), never `npx gonogo`,
// which could fetch and run a package of the same name from the registry.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXIT, errorDiag, GonogoError } from '../diagnostics.js';
import type { CliCommand, Io } from './io.js';

export const DIFF_ATTRIBUTE = '*.pptx diff=gonogo';

/** A shell word: git runs textconv through `sh -c`, so paths with spaces or quotes are single-quoted. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The command git runs for textconv: this Node binary and this installation's bin/gonogo.js. */
export async function textconvCommandLine(): Promise<string> {
  const { ASSETS_DIR } = await import('../layout/measure.js');
  const bin = realpathSync(join(ASSETS_DIR, '..', 'bin', 'gonogo.js'));
  return `${shellWord(process.execPath)} ${shellWord(bin)} textconv`;
}

function git(args: string[], cwd: string) {
  return spawnSync('git', args, { cwd, encoding: 'utf8' });
}

/** The top folder of the git work tree holding `dir`, or undefined outside one (or without git). */
export function gitTopLevel(dir: string): string | undefined {
  const r = git(['rev-parse', '--show-toplevel'], dir);
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export interface GitSetup {
  top: string;
  command: string;
  /** .gitattributes that gained the diff=gonogo line, if one had to. */
  attributesWritten?: string;
}

/**
 * Sets diff.gonogo.textconv (and cachetextconv) in the repository's own config, and makes sure `.pptx`
 * files in `dir` use the driver: if no .gitattributes gives them diff=gonogo, the top one gains the line.
 */
export async function configureGit(top: string, dir: string): Promise<GitSetup> {
  const command = await textconvCommandLine();
  for (const [key, value] of [
    ['diff.gonogo.textconv', command],
    ['diff.gonogo.cachetextconv', 'true'],
  ]) {
    const r = git(['config', '--local', key, value], top);
    if (r.status !== 0) throw new GonogoError(errorDiag('git/config', `git config ${key} failed: ${r.stderr.trim().split('\n')[0]}`, { hint: 'check that the repository is writable' }), EXIT.usage);
  }
  const probe = [relative(top, dir), 'any.pptx'].filter(Boolean).join('/');
  const attr = git(['check-attr', 'diff', '--', probe], top);
  if (attr.status === 0 && /: diff: gonogo$/m.test(attr.stdout)) return { top, command };
  const file = join(top, '.gitattributes');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  appendFileSync(file, `${before && !before.endsWith('\n') ? '\n' : ''}# git diff shows decks as text (gonogo git-setup)\n${DIFF_ATTRIBUTE}\n`);
  return { top, command, attributesWritten: file };
}

export function describeSetup(s: GitSetup): string[] {
  return [
    `git diff now shows decks as text in ${s.top}:`,
    `  diff.gonogo.textconv = ${s.command}`,
    ...(s.attributesWritten ? [`  ${s.attributesWritten}: added "${DIFF_ATTRIBUTE}" (commit it)`] : []),
    'Git config is not committed: each clone runs gonogo git-setup once, and again after moving gonogo or Node.',
  ];
}

export const gitSetupCommand: CliCommand = {
  name: 'git-setup [dir]',
  describe: 'Make git diff show decks as text in the repository holding DIR (default: here)',
  builder: (y) => y.positional('dir', { type: 'string', default: '.', describe: 'A folder inside the git repository' }),
  run: async (args, io: Io) => {
    const dir = resolve(io.cwd, String(args.dir ?? '.'));
    if (!existsSync(dir)) throw new GonogoError(errorDiag('git/not-a-repo', `${String(args.dir)} does not exist`, { hint: 'name a folder inside your git repository' }));
    const top = gitTopLevel(dir);
    if (!top) throw new GonogoError(errorDiag('git/not-a-repo', `${String(args.dir)} is not inside a git repository`, { hint: 'run git init first, or run gonogo git-setup inside the repository that holds your decks' }));
    io.stdout(describeSetup(await configureGit(top, realpathSync(dir))).join('\n') + '\n');
    return EXIT.ok;
  },
};
