// `gonogo stats …` in-process through main(), with a capturing Io.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), cwd: '/', env: {}, isTTY: false };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('gonogo stats', () => {
  it('diff-proportions: seed example with Wald — Δ +0.50 pp, 90% CI [−0.26 pp, +1.26 pp]', async () => {
    const r = await run('stats', 'diff-proportions', '--x1', '1250', '--n1', '10000', '--x0', '1200', '--n0', '10000', '--confidence', '0.90', '--method', 'wald');
    expect(r.code).toBe(0);
    expect(r.out).toContain('difference +0.50 pp, 90% CI [-0.26 pp, +1.26 pp]');
    expect(r.out).toContain('1,250 / 10,000 = 12.50%');
  });
  it('diff-proportions --json: Newcombe by default (statsmodels method="newcomb": −0.0026278, 0.0126284)', async () => {
    const r = await run('stats', 'diff-proportions', '--x1', '1250', '--n1', '10000', '--x0', '1200', '--n0', '10000', '--json');
    const j = JSON.parse(r.out);
    expect(j.method).toMatch(/Newcombe/);
    expect(j.lo).toBeCloseTo(-0.0026278209208655135, 9);
    expect(j.hi).toBeCloseTo(0.012628442496012447, 9);
    expect(j.confidence).toBe(0.9);
  });
  it('proportion: Wilson 45/300 at 95% — R prop.test(45, 300, correct = FALSE)', async () => {
    const r = await run('stats', 'proportion', '--x', '45', '--n', '300', '--confidence', '0.95', '--json');
    const j = JSON.parse(r.out);
    expect(j.lo).toBeCloseTo(0.114032468712, 9);
    expect(j.hi).toBeCloseTo(0.194817611145, 9);
  });
  it('sample-size: pooled 1,005 per arm; power.prop.test 1,094; with a design effect of 1.58', async () => {
    const pooled = await run('stats', 'sample-size', '--p0', '0.20', '--mde', '0.05', '--power', '0.80', '--alpha', '0.05');
    expect(pooled.out).toMatch(/^1,005 per arm \(1004\.7 before rounding up\)/);
    const ppt = await run('stats', 'sample-size', '--p0', '0.20', '--mde', '0.05', '--method', 'power-prop-test', '--json');
    expect(JSON.parse(ppt.out).perArm).toBeCloseTo(1093.739, 2);
    const deff = await run('stats', 'sample-size', '--p0', '0.20', '--mde', '0.05', '--icc', '0.02', '--cluster-size', '30', '--json');
    expect(JSON.parse(deff.out).perArm).toBeCloseTo(1004.656606 * 1.58, 3);
  });
  it('mde: 1,400 per arm → +4.24 pp', async () => {
    const r = await run('stats', 'mde', '--p0', '0.20', '--n', '1400', '--power', '0.80', '--alpha', '0.05');
    expect(r.code).toBe(0);
    expect(r.out).toContain('minimum detectable effect +4.24 pp');
  });
  it.each([
    [['stats', 'proportion', '--x', '301', '--n', '300'], /x \(301\) must not exceed n \(300\)/],
    [['stats', 'proportion', '--x', '3', '--n', '300', '--confidence', '1.5'], /--confidence must be between 0 and 1/],
    [['stats', 'diff-proportions', '--x1', '-1', '--n1', '10', '--x0', '1', '--n0', '10'], /--x1 must be a whole number ≥ 0, got -1/],
    [['stats', 'proportion', '--x', '4.5', '--n', '300'], /--x must be a whole number/],
    [['stats', 'proportion', '--x', '0', '--n', '0'], /n must be a finite number > 0/],
    [['stats', 'proportion', '--n', '300'], /--x is required/],
    [['stats', 'proportion', '--x', 'abc', '--n', '300'], /--x must be a number/],
    [['stats', 'proportion', '--x', '3', '--n', '300', '--method', 'exact'], /--method must be one of wilson, wald/],
    [['stats', 'sample-size', '--p0', '0.2', '--mde', '0.05', '--icc', '0.02'], /--icc and --cluster-size go together/],
  ])('bad arguments exit 2 with a clear message: %j', async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});

describe('gonogo stats, unknown calculation', () => {
  it('exits 2, never an internal error', async () => {
    const r = await run('stats', 'foo');
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/internal error/);
  });
});
