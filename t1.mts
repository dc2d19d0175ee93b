import { loadSpec } from './src/spec/load.js';
import { readPrecomputed } from './src/sources/precomputed.js';
import { analyze } from './src/stats/analyze.js';
import { decide } from './src/decide/decide.js';
const l = await loadSpec('decks/quoting-workflow');
const snap = await readPrecomputed('decks/quoting-workflow/metrics.csv', l.spec);
const { results } = analyze(l.spec, snap);
const d = decide(l.spec, results, snap.quality);
console.log(JSON.stringify(d.verdict, null, 1));
for (const c of d.criteria) { console.log(c.id, c.status, c.holds); for (const r of c.rules) console.log('   ', r.status, r.text, '|', r.reason); }
for (const g of d.guardrails) console.log('G', g.status, g.text, '|', g.reason);
for (const s of d.scenarios) console.log('S', s.name, s.verdict.criterion, s.flips, JSON.stringify(s.changes.map(c=>[c.metric, c.estimate.toFixed(4)])));
