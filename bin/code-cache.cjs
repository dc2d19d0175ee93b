// Runs a CommonJS script (the bundle) through V8's code cache: the first run compiles it and, when done, saves
// the compiled code; later runs start from that instead of parsing and compiling again. Node 20 offers this for
// scripts only (module.enableCompileCache arrives in Node 22). The cache is keyed by the script's size and time,
// the Node version and the run's kind, kept in dist/.cache/ beside the script; V8 itself rejects a cache that
// does not fit (another V8, other flags), and then a fresh one is written. Without write access it just compiles.
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { basename, dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * Loads `file` like require() and returns its exports, plus save(): call it when the run is over, so the cache
 * holds every function the run compiled. `kind` names what the run does (a CLI verb): each kind gets its own.
 */
function loadCached(file, kind) {
  const st = statSync(file);
  const cacheFile = join(dirname(file), '.cache', `${basename(file)}-${kind}-${process.version}-${process.arch}-${st.size}-${Math.round(st.mtimeMs)}.v8`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run of this kind: compile
  }
  const script = new Script(wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  const save = () => {
    if (!fresh) return;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // read-only install: runs compile as before
    }
  };
  return { exports: module.exports, save };
}

module.exports = { loadCached };
