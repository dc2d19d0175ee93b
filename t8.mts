import { scenariosChart } from './src/charts/scenarios.js';
import { renderChart } from './src/charts/render.js';
import { compileVegaLite } from './src/charts/render.js';
import { defaultTheme } from './src/deck/theme.js';
import { writeFileSync } from 'node:fs';
const c = scenariosChart({ rows: [
 { label: 'Median time to first quote', format: { kind: 'percent' }, better: 'lower', best: -0.146, base: -0.124, worst: -0.103, criterion: -0.10 },
 { label: '7-day hire rate', format: { kind: 'pp' }, better: 'higher', best: 0.0012, base: -0.0022, worst: -0.0055, criterion: -0.01 }], size: { width: 7.6, height: 4.6 } }, defaultTheme);
const w = (await compileVegaLite(c.vegaLite)).warnings; console.log('warnings', w);
const r = await renderChart(c); writeFileSync('/tmp/sc.png', r.png); console.log(c.alt);
