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
  it("sample-size: R's stats::power.prop.test(p1 = .2, p2 = .25, power = .8)$n = 1093.739 by default; baseline-variance 1,005; design effect 1.58", async () => {
    const ppt = await run('stats', 'sample-size', '--p0', '0.20', '--mde', '0.05', '--power', '0.80', '--alpha', '0.05');
    expect(ppt.out).toMatch(/^1,094 per arm \(1093\.7 before rounding up\)/);
    expect(ppt.out).toContain("method: R's power.prop.test");
    const shortcut = await run('stats', 'sample-size', '--p0', '0.20', '--mde', '0.05', '--method', 'baseline-variance', '--json');
    expect(JSON.parse(shortcut.out).perArm).toBeCloseTo(1004.656606, 4); // R: (qnorm(.975)+qnorm(.8))^2*2*.2*.8/.05^2
    const deff = await run('stats', 'sample-size', '--p0', '0.20', '--mde', '0.05', '--icc', '0.02', '--cluster-size', '30', '--json');
    expect(JSON.parse(deff.out).perArm).toBeCloseTo(1093.739 * 1.58, 1);
  });
  it("mde with default flags: R's stats::power.prop.test(n = 1400, p1 = .2, power = .8)$p2 = 0.2439875 → +0.043988", async () => {
    const r = await run('stats', 'mde', '--p0', '0.20', '--n', '1400');
    expect(r.code).toBe(0);
    expect(r.out).toContain('minimum detectable effect +4.40 pp (20.00% → 24.40%) with 1,400 per arm');
    const j = JSON.parse((await run('stats', 'mde', '--p0', '0.20', '--n', '1400', '--json')).out);
    expect(j).toMatchObject({ power: 0.8, alpha: 0.05 });
    expect(j.mde.toFixed(6)).toBe('0.043988');
    // (qnorm(.975) + qnorm(.8)) * sqrt(2*.2*.8/1400) = 0.042356 with both arms at the baseline variance
    expect((JSON.parse((await run('stats', 'mde', '--p0', '0.20', '--n', '1400', '--method', 'baseline-variance', '--json')).out).mde as number).toFixed(6)).toBe('0.042356');
  });
  it("refuses --method pooled, whose old meaning was the baseline-variance formula, and names both formulas", async () => {
    const r = await run('stats', 'mde', '--p0', '0.20', '--n', '1400', '--method', 'pooled');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/power-prop-test .*baseline-variance/);
  });
  it('each calculation has its own --help listing only its options', async () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => void lines.push(a.join(' ')); // yargs prints help through the console
    try {
      expect((await run('stats', 'mde', '--help')).code).toBe(0);
    } finally {
      console.log = log;
    }
    const help = lines.join('\n');
    expect(help).toContain('gonogo stats mde');
    for (const flag of ['--p0', '--power', '--alpha', '--method', '--icc', '--cluster-size', '--json']) expect(help).toContain(flag);
    expect(help).toContain('power-prop-test');
    for (const other of ['--x1', '--mde', '--confidence']) expect(help).not.toContain(other);
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
