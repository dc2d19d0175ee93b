// Runs a CommonJS script (the bundle) through V8's code cache: the first run compiles it and, when done, saves
// the compiled code; later runs start from that instead of parsing and compiling again. Node 20 offers this for
// scripts only (module.enableCompileCache arrives in Node 22). The cache is keyed by the script's size and time,
// the Node version and the run's kind, kept in dist/.cache/ beside the script; V8 itself rejects a cache that
// does not fit (another V8, other flags), and then a fresh one is written. Without write access it just compiles.
'use strict';
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { basename, dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { isAscii } = require('node:buffer');
const { threadId } = require('node:worker_threads');

/**
 * Loads `file` like require() and returns its exports, plus save(): call it when the run is over, so the cache
 * holds every function the run compiled. `kind` names what the run does (a CLI verb): each kind gets its own.
 */
function loadCached(file, kind) {
  const st = statSync(file);
  const dir = join(dirname(file), '.cache');
  const prefix = `${basename(file)}-${kind}-`;
  const cacheFile = join(dir, `${prefix}${process.version}-${process.arch}-${st.size}-${Math.round(st.mtimeMs)}.v8`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this kind: compile
  }
  // the bundle is ASCII: its bytes are the string, no UTF-8 decoding (a third of the start-up read)
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.latin1Slice(0, bytes.length) : bytes.toString('utf8');
  const script = new Script(wrap(source), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  const save = () => {
    if (!fresh) return;
    try {
      mkdirSync(dir, { recursive: true });
      // per thread: the chart-drawing threads of one process may save the same cache at once
      const tmp = `${cacheFile}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
      // this kind's caches of earlier bundles (or another Node) are of no further use, nor a save cut short by the
      // process's exit (a drawing thread saves while the CLI finishes)
      for (const old of readdirSync(dir)) if (old.startsWith(prefix) && join(dir, old) !== cacheFile && (old.endsWith('.v8') || old.endsWith('.tmp'))) rmSync(join(dir, old), { force: true });
    } catch {
      // read-only install: runs compile as before
    }
  };
  return { exports: module.exports, save };
}

module.exports = { loadCached };
