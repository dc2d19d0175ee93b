// Data-quality checks: exact figures on a hand-made table set, and the seed's quirk rates on generated data.
import { describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pullMetrics } from '../../src/sources/pull.js';
import { asOfOf } from '../../src/sources/quality.js';
import type { QualityCheck } from '../../src/sources/snapshot.js';
import { generate, writeTables } from '../../scripts/generate-quoting-data.mjs';
import { makeSpec, tempDeck } from './helpers.js';

const noPull = [{ id: 'm', label: 'M', kind: 'proportion', unit: '%', better: 'higher', role: 'primary' }] as const;
const byId = (q: QualityCheck[]) => Object.fromEntries(q.map((c) => [c.id, c]));

describe('quality checks on hand-made tables', () => {
  const files = {
    // order 3 is logged twice; order 4 points at a request that does not exist
    'data/orders.csv': 'order_id,request_id,variant,created_at\n1,10,control,2026-11-20 08:00:00\n2,11,,2026-11-20 09:00:00\n3,12,,2026-11-20 10:00:00\n3,12,,2026-11-20 10:00:00\n4,99,treatment,2026-11-20 12:00:00\n',
    'data/requests.csv': 'request_id\n10\n11\n12\n13\n',
    'data/assign.csv': 'request_id,variant\n10,control\n11,treatment\n13,control\n',
  };
  const source = {
    engine: 'duckdb',
    as_of: '2026-11-21T00:00:00Z',
    params: { arm_name: 'treatment' },
    assignments: { table: 'assign', unit: 'request_id', arm: 'variant' },
    checks: [
      { id: 'fresh', kind: 'freshness', table: 'orders', column: 'created_at', max_hours: 6, level: 'fail' },
      { id: 'complete', kind: 'completeness', table: 'orders', columns: ['order_id', 'variant'], max_null_share: 0.5 },
      { id: 'unique', kind: 'uniqueness', table: 'orders', keys: ['order_id'], max_duplicate_share: 0.25 },
      { id: 'orphans', kind: 'referential', table: 'orders', key: 'request_id', references: { table: 'requests', key: 'request_id' }, max_orphan_share: 0.1 },
      { id: 'variant', kind: 'missing_variant', table: 'orders', column: 'variant', key: 'request_id', max_share: 0.5, gap: 'mv' },
      { id: 'custom', kind: 'sql', table: 'orders', sql: 'SELECT avg(CASE WHEN variant = $arm_name THEN 1.0 ELSE 0.0 END) AS value FROM orders', max: 0.5 },
    ],
  } as const;

  it('measures each check exactly, against the spec’s as-of (not the clock)', async () => {
    const gap = { id: 'mv', description: 'd', severity: 'medium', bias_direction: 'b', mitigation: 'm', residual_risk: 'r' };
    const spec = makeSpec([...noPull], source, { data_gaps: [gap] });
    const { snapshot } = await pullMetrics(spec, await tempDeck(files), { pulledAt: 'x' });
    const q = byId(snapshot.quality);
    expect(q.fresh).toMatchObject({ kind: 'freshness', value: 12, threshold: 6, status: 'fail' });
    expect(q.complete).toMatchObject({ kind: 'completeness', value: 0.6, status: 'warn' });
    expect(q.complete.message).toBe('orders: NULL share order_id 0.0%, variant 60.0% (limit 50.0%)');
    expect(q.unique).toMatchObject({ kind: 'uniqueness', value: 0.2, status: 'pass' });
    expect(q.orphans).toMatchObject({ kind: 'referential', value: 0.2, status: 'warn' });
    expect(q.variant).toMatchObject({ kind: 'missing_variant', before: 0.6, after: 0.4, value: 0.4, status: 'pass', gap: 'mv' });
    expect(q.custom).toMatchObject({ kind: 'other', value: 0.2, status: 'pass' });
    expect(snapshot.assignments).toEqual({ control: 2, treatment: 1 });
  });

  it('defaults the as-of to the deck date’s end of day', () => {
    expect(asOfOf(makeSpec([...noPull]))).toBe('2026-11-20T23:59:59Z');
    expect(asOfOf(makeSpec([...noPull], { engine: 'duckdb', as_of: '2026-11-16T06:00Z' }))).toBe('2026-11-16T06:00:00Z');
  });

  it('reports a misconfigured check as the user’s mistake', async () => {
    const spec = makeSpec([...noPull], { engine: 'duckdb', checks: [{ id: 'x', kind: 'completeness', table: 'orders', columns: ['nope'], max_null_share: 0 }] });
    const err = await pullMetrics(spec, await tempDeck(files)).catch((e) => e);
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/source\.checks \(x\): quality check x failed: Binder Error/);
  });
});

describe('generated quoting data', () => {
  it('is deterministic for a seed', () => {
    const a = generate({ requests: 2000, seed: 3 });
    expect(generate({ requests: 2000, seed: 3 })).toEqual(a);
    expect(generate({ requests: 2000, seed: 4 }).quotes).not.toEqual(a.quotes);
  });

  it('carries the seed’s quirks at their rates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gonogo-gen-test-'));
    await writeTables(generate({ requests: 20_000, seed: 11 }), join(dir, 'data'));
    const spec = makeSpec([...noPull], {
      engine: 'duckdb',
      as_of: '2026-11-16T06:00:00Z',
      assignments: { table: 'assignments', unit: 'request_id', arm: 'variant' },
      checks: [
        { id: 'variant', kind: 'missing_variant', table: 'quotes', column: 'variant', key: 'request_id', max_share: 0.1 },
        { id: 'dup_quotes', kind: 'uniqueness', table: 'quotes', keys: ['request_id', 'pro_id', 'quoted_at'], max_duplicate_share: 0.01 },
        { id: 'dup_hires', kind: 'uniqueness', table: 'hires', keys: ['request_id'], max_duplicate_share: 0.005 },
        { id: 'stale', kind: 'freshness', table: 'support_tickets', column: 'created_at', max_hours: 36 },
        { id: 'fresh', kind: 'freshness', table: 'pro_activity', column: 'active_at', max_hours: 36 },
        { id: 'geo', kind: 'completeness', table: 'requests', columns: ['geo'], max_null_share: 0.01 },
        { id: 'skew', kind: 'sql', table: 'quotes', max: 0.005, sql: 'SELECT avg(CASE WHEN q.quoted_at < r.created_at THEN 1.0 ELSE 0.0 END) AS value FROM quotes q JOIN requests r USING (request_id)' },
      ],
    });
    const { snapshot } = await pullMetrics(spec, dir, { pulledAt: 'x' });
    const q = byId(snapshot.quality);
    expect(q.variant.before).toBeGreaterThan(0.17);
    expect(q.variant.before).toBeLessThan(0.19);
    expect(q.variant.after).toBeGreaterThan(0.05);
    expect(q.variant.after).toBeLessThan(0.07);
    expect(q.dup_quotes.value).toBeGreaterThan(0.015);
    expect(q.dup_quotes.value).toBeLessThan(0.025);
    expect(q.dup_hires.value).toBeGreaterThan(0.004);
    expect(q.dup_hires.value).toBeLessThan(0.02);
    expect(q.stale).toMatchObject({ status: 'warn' });
    expect(q.stale.value).toBeGreaterThan(80); // stopped loading 2026-11-12 18:00, 84 h before the as-of
    expect(q.fresh).toMatchObject({ status: 'pass' });
    expect(q.geo.value).toBeGreaterThan(0.002);
    expect(q.geo.value).toBeLessThan(0.007);
    expect(q.skew.value).toBeGreaterThan(0.01);
    expect(q.skew.value).toBeLessThan(0.025);
    const { control, treatment } = snapshot.assignments!;
    expect(Math.abs(control - treatment) / (control + treatment)).toBeLessThan(0.02);
  });
});
