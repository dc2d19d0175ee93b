// Where a DeckSnapshot comes from: a deck folder (run the pipeline to compose), a PPTX file, or a deck
// folder as it was at a git revision (exported with `git archive` into a temp folder, then run there).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { errorDiag, GonogoError } from './diagnostics.js';
import type { DeckSnapshot } from './review/diff.js';

export async function snapshotOf(target: string, cwd: string): Promise<DeckSnapshot> {
  const abs = resolve(cwd, target);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch {
    throw new GonogoError(errorDiag('diff/missing', `${target} does not exist`, { expected: 'a .pptx file or a deck folder' }));
  }
  if (isDir || /\.ya?ml$/i.test(abs)) return deckSnapshot(abs, target, cwd);
  const { readPptx } = await import('./review/pptx-text.js');
  return { source: 'pptx', label: target, pptx: readPptx(new Uint8Array(readFileSync(abs)), target) };
}

export async function deckSnapshot(dir: string, label: string, cwd: string): Promise<DeckSnapshot> {
  const { runUntil } = await import('./pipeline.js');
  const run = await runUntil('compose', dir, { cwd });
  return { source: 'deck', label, spec: run.load!.spec, results: run.analyze!, decision: run.decide!, deck: run.compose! };
}

/** The deck folder as committed at `rev`, run through the pipeline in a temp copy. */
export async function snapshotAtRevision(deckDir: string, rev: string, cwd: string): Promise<DeckSnapshot> {
  const abs = resolve(cwd, deckDir);
  const git = (args: string[], cwdHere = abs) => spawnSync('git', args, { cwd: cwdHere, maxBuffer: 1 << 30 });
  const where = git(['rev-parse', '--show-toplevel', '--show-prefix']);
  if (where.status !== 0) throw gitError(`${deckDir} is not inside a git repository`, where.stderr, 'run gonogo diff --from inside the repository that holds the deck');
  const [top, prefix = ''] = where.stdout.toString().split('\n');
  const folder = prefix.trim().replace(/\/$/, '');
  // From the top: in a subfolder, git archive would apply the subfolder's prefix a second time.
  const archive = git(['archive', '--format=tar', folder ? `${rev}:${folder}` : rev], top.trim());
  if (archive.status !== 0) throw gitError(`cannot read ${deckDir} at revision ${rev}`, archive.stderr, 'check the revision (git log --oneline) and that the folder existed then');
  const tmp = mkdtempSync(join(tmpdir(), 'gonogo-rev-'));
  try {
    const untar = spawnSync('tar', ['-x', '-C', tmp], { input: archive.stdout });
    if (untar.status !== 0) throw gitError(`cannot unpack ${deckDir} at ${rev}`, untar.stderr);
    return await deckSnapshot(tmp, `${deckDir}@${rev}`, tmp).catch((err: unknown) => {
      // Errors point into the temp copy: name the file as the user knows it, DECK@REV/gonogo.yaml.
      if (!(err instanceof GonogoError)) throw err;
      throw new GonogoError(err.diagnostics.map((d) => (d.pos ? { ...d, pos: { ...d.pos, file: `${deckDir}@${rev}/${d.pos.file}` } } : d)), err.exitCode);
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function gitError(message: string, stderr: Buffer | null, hint?: string): GonogoError {
  const why = stderr?.toString().trim().split('\n')[0];
  return new GonogoError(errorDiag('diff/git', why ? `${message}: ${why}` : message, { hint }));
}
