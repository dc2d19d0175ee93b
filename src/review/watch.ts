// The watch loop: rebuild on any change in the deck folder (spec, templates, data, lock), debounced,
// one build at a time. A failed build prints its error and the loop keeps watching; the build itself
// never replaces the last good output. The build arrives as a parameter, so tests drive it with a fake.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, watch } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Decision } from '../decide/types.js';
import { formatDiagnostic, GonogoError, type Diagnostic } from '../diagnostics.js';

export interface BuildOutcome {
  decision: Decision;
  /** The verdict in words, as the deck states it. */
  deck?: { meta: { verdict?: string } };
  slideCount: number;
  pptxPath: string;
  ms: number;
  diagnostics: Diagnostic[];
}

export type BuildFn = (deckDir: string) => Promise<BuildOutcome>;

export interface WatchOptions {
  build: BuildFn;
  signal: AbortSignal;
  /** One line per build, for stdout. */
  log: (line: string) => void;
  /** Error text, for stderr. */
  error: (text: string) => void;
  debounceMs?: number;
  /** Called after each build (tests wait on it). */
  onBuild?: (result: { ok: true; outcome: BuildOutcome } | { ok: false; error: unknown }) => void;
  /** Called for each file event with whether it was ignored (output, or content unchanged); tests observe the filter. */
  onChange?: (relPath: string, ignored: boolean) => void;
}

// Outputs, history and editor droppings: changing them must not trigger a rebuild.
const IGNORED = [/^out(\/|$)/, /^\.git(\/|$)/, /(^|\/)checkpoints\.json$/, /(^|\/)node_modules(\/|$)/, /\.(swp|swx|tmp)$/, /~$/, /(^|\/)\.#/, /(^|\/)4913$/];

export function isIgnored(relPath: string): boolean {
  const p = relPath.split(sep).join('/');
  return IGNORED.some((re) => re.test(p));
}

/** A file's content digest ('-' when absent or a folder): saving a file unchanged, or a build rewriting the
 * lock with the same content, is not a change, so a build that writes inside the folder cannot loop. */
function digest(file: string): string {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('hex');
  } catch {
    return '-';
  }
}

function digestAll(root: string, dir = root, out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    const rel = relative(root, full);
    if (isIgnored(rel)) continue;
    if (e.isDirectory()) digestAll(root, full, out);
    else out.set(rel, digest(full));
  }
  return out;
}

/** Builds once, then on every change until `signal` aborts; resolves when it does. */
export async function watchDeck(deckDir: string, opts: WatchOptions): Promise<void> {
  const debounce = opts.debounceMs ?? 150;
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let pending = false;

  const runBuild = async (): Promise<void> => {
    if (building) {
      pending = true;
      return;
    }
    building = true;
    try {
      const outcome = await opts.build(deckDir);
      const warn = outcome.diagnostics.filter((d) => d.severity === 'warning').length;
      opts.log(`✓ ${outcome.deck?.meta.verdict ?? outcome.decision.verdict.label} · ${outcome.slideCount} slides → ${outcome.pptxPath} in ${Math.round(outcome.ms)} ms${warn ? ` (${warn} ${warn === 1 ? 'warning' : 'warnings'})` : ''}`);
      opts.onBuild?.({ ok: true, outcome });
    } catch (err) {
      opts.error(describe(err) + '\n');
      opts.log('✗ build failed; the last good deck stays. Watching for the next change…');
      opts.onBuild?.({ ok: false, error: err });
    } finally {
      building = false;
      if (pending && !opts.signal.aborted) {
        pending = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void runBuild(), debounce);
  };

  const seen = digestAll(deckDir);
  const watcher = watch(deckDir, { recursive: true, signal: opts.signal }, (_event, filename) => {
    const rel = filename ? filename.toString() : '';
    let ignored = rel !== '' && isIgnored(rel);
    if (!ignored && rel !== '') {
      const now = digest(join(deckDir, rel));
      ignored = seen.get(rel) === now;
      seen.set(rel, now);
    }
    opts.onChange?.(rel, ignored);
    if (!ignored) schedule();
  });
  watcher.on('error', (err) => (err as Error).name !== 'AbortError' && opts.error(`watch: ${(err as Error).message}\n`));
  opts.log(`Watching ${deckDir} (Ctrl-C to stop)`);
  await runBuild();
  await new Promise<void>((resolve) => {
    if (opts.signal.aborted) return resolve();
    opts.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  watcher.close();
}

function describe(err: unknown): string {
  if (err instanceof GonogoError) return err.diagnostics.map(formatDiagnostic).join('\n');
  return `build error: ${err instanceof Error ? err.message : String(err)}`;
}
