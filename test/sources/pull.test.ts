// pullMetrics on a hand-made dataset: every expected number below is worked out by hand from UNITS_CSV.
import { describe, expect, it } from 'vitest';
import { pullMetrics, pullTime } from '../../src/sources/pull.js';
import { GonogoError } from '../../src/diagnostics.js';
import { makeSpec, tempDeck, UNITS_CSV } from './helpers.js';

const SEG = `CASE WHEN grouping(category) = 1 THEN 'all' ELSE 'category=' || category END AS segment`;
const CONV_SQL = `-- conversions per arm and category; $min_unit is a bind variable from source.params
SELECT arm, ${SEG}, count(*) AS n, sum(converted) AS successes, max(seen_at) AS as_of
FROM units WHERE unit_id >= $min_unit
GROUP BY GROUPING SETS ((arm), (arm, category))`;

const metrics = [
  { id: 'conv', label: 'Conversion', kind: 'proportion', unit: '%', better: 'higher', role: 'primary', from: { sql_file: 'queries/conv.sql' } },
  {
    id: 'amount', label: 'Amount', kind: 'mean', unit: 'USD', better: 'higher', role: 'secondary',
    from: { sql: `SELECT arm, 'all' AS segment, count(*) AS n, avg(amount) AS mean, stddev_samp(amount) AS sd FROM units WHERE arm IS NOT NULL GROUP BY arm` },
  },
  {
    id: 'minutes', label: 'Minutes', kind: 'median', unit: 'min', better: 'lower', role: 'secondary',
    from: { sql: `SELECT arm, 'all' AS segment, minutes AS value, count(*) AS weight FROM units GROUP BY ALL` },
  },
  {
    id: 'tickets', label: 'Tickets', kind: 'rate', per: 100, unit: 'tickets', better: 'lower', role: 'guardrail',
    from: { sql: `SELECT arm, 'all' AS segment, sum(tickets) AS events, count(*) AS exposure FROM units WHERE arm IS NOT NULL GROUP BY arm` },
  },
  { id: 'pre', label: 'Precomputed', kind: 'ratio', unit: 'x', better: 'higher', role: 'secondary', from: { file: 'metrics/pre.csv' } },
] as const;

const PRE_CSV = `arm,segment,estimate,ci_low,ci_high,n\ncontrol,all,1.5,1.2,1.8,10\ntreatment,all,1.7,1.3,2.1,11\nrel_change,all,0.133,-0.1,0.4,\n`;

async function deck() {
  return tempDeck({ 'data/units.csv': UNITS_CSV, 'queries/conv.sql': CONV_SQL, 'metrics/pre.csv': PRE_CSV });
}
const source = { engine: 'duckdb', params: { min_unit: 1 } } as const;

describe('pullMetrics', () => {
  it('reads proportions per arm and segment, with the units of unknown arm left out', async () => {
    const dir = await deck();
    const { snapshot, diagnostics } = await pullMetrics(makeSpec([...metrics], source), dir, { pulledAt: '2026-11-20T00:00:00Z' });
    const conv = snapshot.rows.filter((r) => r.metric === 'conv');
    expect(conv).toEqual([
      { metric: 'conv', arm: 'control', segment: 'all', n: 4, successes: 2 },
      { metric: 'conv', arm: 'treatment', segment: 'all', n: 3, successes: 2 },
      { metric: 'conv', arm: 'control', segment: 'category=Other', n: 2, successes: 1 },
      { metric: 'conv', arm: 'treatment', segment: 'category=Other', n: 1, successes: 0 },
      { metric: 'conv', arm: 'control', segment: 'category=Plumbing', n: 2, successes: 1 },
      { metric: 'conv', arm: 'treatment', segment: 'category=Plumbing', n: 2, successes: 2 },
    ]);
    // unit 8 has no arm: its two rows (all, Other) are dropped with a receipt
    expect(diagnostics.find((d) => d.code === 'pull/unknown-arm')?.message).toMatch(/2 row\(s\) of metric conv/);
    expect(snapshot.provenance.conv).toMatchObject({ engine: 'duckdb', file: 'queries/conv.sql', rowCount: 8, asOf: '2026-11-15T15:00:00.000Z' });
    expect(snapshot.provenance.conv.sqlHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('reads means, raw values compressed as (value, weight), rates and precomputed files', async () => {
    const { snapshot } = await pullMetrics(makeSpec([...metrics], source), await deck(), { pulledAt: '2026-11-20T00:00:00Z' });
    const get = (metric: string, arm: string) => snapshot.rows.find((r) => r.metric === metric && r.arm === arm && r.segment === 'all');
    // control amounts 100, 0, 50, 0: mean 37.5, sample variance 6875/3; treatment 80, 120, 0: mean 200/3, variance 7466.67/2
    expect(get('amount', 'control')).toMatchObject({ n: 4, mean: 37.5 });
    expect(get('amount', 'control')!.sd).toBeCloseTo(Math.sqrt(6875 / 3), 9);
    expect(get('amount', 'treatment')!.mean).toBeCloseTo(200 / 3, 9);
    expect(get('amount', 'treatment')!.sd).toBeCloseTo(Math.sqrt((80 ** 2 + 120 ** 2 + 0 - 3 * (200 / 3) ** 2) / 2), 9);
    // unit 4 has no minutes: no value; values come back sorted
    expect(get('minutes', 'control')).toEqual({ metric: 'minutes', arm: 'control', segment: 'all', n: 3, value_counts: [[10, 1], [20, 1], [30, 1]] });
    expect(get('minutes', 'treatment')!.value_counts).toEqual([[5, 1], [15, 1], [25, 1]]);
    expect(get('tickets', 'control')).toMatchObject({ events: 3, exposure: 4 });
    expect(get('tickets', 'treatment')).toMatchObject({ events: 1, exposure: 3 });
    expect(get('pre', 'treatment')).toMatchObject({ estimate: 1.7, ci_low: 1.3, ci_high: 2.1, n: 11 });
    expect(get('pre', 'rel_change')).toMatchObject({ estimate: 0.133 });
  });

  it('uses the bind variable, not pasted text: a different param changes the result', async () => {
    const spec = makeSpec([metrics[0]], { engine: 'duckdb', params: { min_unit: 5 } });
    const { snapshot } = await pullMetrics(spec, await deck(), { pulledAt: 'x' });
    expect(snapshot.rows.filter((r) => r.segment === 'all')).toEqual([{ metric: 'conv', arm: 'treatment', segment: 'all', n: 3, successes: 2 }]);
  });

  it('maps the spec’s arm names onto control and treatment', async () => {
    const csv = 'arm,ok\nold,1\nold,0\nnew,1\n';
    const spec = makeSpec(
      [{ id: 'ok', label: 'OK', kind: 'proportion', unit: '%', better: 'higher', role: 'primary', from: { sql: `SELECT arm, 'all' AS segment, count(*) AS n, sum(ok) AS successes FROM t GROUP BY arm` } }],
      { engine: 'duckdb' },
      { arms: { control: 'old', treatment: 'new' } },
    );
    const { snapshot } = await pullMetrics(spec, await tempDeck({ 'data/t.csv': csv }), { pulledAt: 'x' });
    expect(snapshot.rows.map((r) => [r.arm, r.n, r.successes])).toEqual([['control', 2, 1], ['treatment', 1, 1]]);
  });

  it('names the SQL file of a failing query and exits 2; a wrong column set is named too', async () => {
    const dir = await tempDeck({ 'data/units.csv': UNITS_CSV, 'queries/conv.sql': 'SELEC arm FROM units' });
    const err = await pullMetrics(makeSpec([metrics[0]], source), dir).catch((e) => e);
    expect(err).toBeInstanceOf(GonogoError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/^queries\/conv\.sql: metric conv failed: Parser Error/);
    const wrong = makeSpec([{ ...metrics[0], from: { sql: `SELECT arm, 'all' AS segment, count(*) AS n FROM units GROUP BY arm` } }], source);
    const err2 = await pullMetrics(wrong, await deck()).catch((e) => e);
    expect(err2.message).toMatch(/inline SQL: the query for proportion metric conv returns arm, segment, n/);
    expect(err2.diagnostics[0].hint).toMatch(/n, successes/);
  });

  it('refuses a query returning more rows than the limit', async () => {
    const err = await pullMetrics(makeSpec([metrics[2]], source), await deck(), { rowsLimit: 3 }).catch((e) => e);
    expect(err.message).toMatch(/returned more than 3 rows/);
  });

  it('takes the pull time from SOURCE_DATE_EPOCH', () => {
    expect(pullTime({ SOURCE_DATE_EPOCH: '1763596800' })).toBe('2025-11-20T00:00:00Z');
    expect(pullTime({})).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});

describe('pullMetrics with setup SQL and data-gap links', () => {
  const SETUP = `-- the cohort, once
CREATE OR REPLACE TEMP TABLE cohort AS SELECT * FROM units WHERE arm IS NOT NULL AND unit_id >= $min_unit;
CREATE OR REPLACE TEMP TABLE cohort2 AS SELECT * FROM cohort; -- a second statement
`;
  const conv = { ...metrics[0], from: { sql: `SELECT arm, 'all' AS segment, count(*) AS n, sum(converted) AS successes FROM cohort2 GROUP BY arm` } };

  it('runs each setup statement once, with binds, before the metrics', async () => {
    const dir = await tempDeck({ 'data/units.csv': UNITS_CSV, 'queries/setup.sql': SETUP });
    const steps: string[] = [];
    const spec = makeSpec([conv], { ...source, params: { min_unit: 2 }, setup: ['queries/setup.sql'] });
    const { snapshot, lock } = await pullMetrics(spec, dir, { pulledAt: 'x', onProgress: (e) => e.type === 'done' && steps.push(`${e.step}:${e.id}`) });
    expect(steps).toEqual(['setup:queries/setup.sql', 'metric:conv']);
    expect(snapshot.rows.map((r) => [r.arm, r.n, r.successes])).toEqual([['control', 3, 1], ['treatment', 3, 2]]);
    expect(lock.setupHash).toMatch(/^sha256:/);
  });

  it('names the setup file when a setup statement fails', async () => {
    const dir = await tempDeck({ 'data/units.csv': UNITS_CSV, 'queries/setup.sql': 'CREATE TEMP TABLE x AS SELECT * FROM nowhere;\n' });
    const err = await pullMetrics(makeSpec([conv], { ...source, setup: ['queries/setup.sql'] }), dir).catch((e) => e);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/^queries\/setup\.sql: setup failed: Catalog Error/);
  });

  it('refuses a check whose gap names no data gap, with a did-you-mean', async () => {
    const spec = makeSpec(
      [conv],
      { engine: 'duckdb', checks: [{ id: 'u', kind: 'uniqueness', table: 'units', keys: ['unit_id'], max_duplicate_share: 0, gap: 'missing_varient' }] },
      { data_gaps: [{ id: 'missing_variant', description: 'd', severity: 'medium', bias_direction: 'b', mitigation: 'm', residual_risk: 'r' }] },
    );
    const err = await pullMetrics(spec, await deck()).catch((e) => e);
    expect(err.message).toMatch(/quality check u names data gap missing_varient/);
    expect(err.diagnostics[0].hint).toBe('did you mean missing_variant?');
  });
});
