// `gonogo stats <test>`: the statistics behind the deck, one calculation at a time, for checks and scripts.
import type { Argv } from 'yargs';
import { GonogoError, errorDiag } from '../diagnostics.js';
import type { CliCommand, Io } from './io.js';
import type { ProportionMethod } from '../stats/proportions.js';
import type { DiffMethod } from '../stats/diffProportions.js';
import type { PowerMethod } from '../stats/power.js';

/** The calculations, loaded when this verb runs (their distributions are not needed to start the CLI). */
async function loadStats() {
  const [{ proportion }, { diffProportions }, { sampleSize, minimumDetectableEffect }, { designEffect }] = await Promise.all([
    import('../stats/proportions.js'),
    import('../stats/diffProportions.js'),
    import('../stats/power.js'),
    import('../stats/designEffect.js'),
  ]);
  return { proportion, diffProportions, sampleSize, minimumDetectableEffect, designEffect };
}
type Stats = Awaited<ReturnType<typeof loadStats>>;

const TESTS = ['diff-proportions', 'proportion', 'sample-size', 'mde'] as const;
type Test = (typeof TESTS)[number];
type Args = Record<string, unknown>;

function usage(message: string, hint?: string): GonogoError {
  return new GonogoError(errorDiag('cli/stats-argument', message, hint ? { hint } : {}));
}

/** A required numeric flag; yargs turns text into NaN, which lands here too. */
function num(args: Args, flag: string): number {
  const v = args[flag];
  if (v === undefined) throw usage(`--${flag} is required for gonogo stats ${String(args.test)}`, `e.g. --${flag} ${EXAMPLES[flag] ?? '1'}`);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw usage(`--${flag} must be a number, got ${String(v)}`);
  return v;
}

/** A count flag: a whole number (the library itself accepts fractional, design-effect-scaled counts). */
function count(args: Args, flag: string): number {
  const v = num(args, flag);
  if (!Number.isInteger(v) || v < 0) throw usage(`--${flag} must be a whole number ≥ 0, got ${v}`);
  return v;
}

const EXAMPLES: Record<string, string> = { x1: '1250', n1: '10000', x0: '1200', n0: '10000', x: '45', n: '300', p0: '0.20', mde: '0.05' };

function choice<T extends string>(args: Args, allowed: readonly T[], fallback: T): T {
  const v = (args.method as string | undefined) ?? fallback;
  if (!allowed.includes(v as T)) throw usage(`--method must be one of ${allowed.join(', ')} for ${String(args.test)}, got ${v}`);
  return v as T;
}

function confidenceOf(args: Args): number {
  const c = num(args, 'confidence');
  if (!(c > 0 && c < 1)) throw usage(`--confidence must be between 0 and 1 (exclusive), got ${c}`, 'write 0.90 for a 90% interval');
  return c;
}

function deffOf(args: Args, { designEffect }: Stats): number {
  const icc = args.icc as number | undefined;
  const m = args['cluster-size'] as number | undefined;
  if ((icc === undefined) !== (m === undefined)) throw usage('--icc and --cluster-size go together', 'e.g. --icc 0.02 --cluster-size 30');
  return designEffect(m, icc);
}

const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
const pp = (x: number, digits = 2) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(digits)} pp`;
/** Thousands separators without a locale, so output never depends on the machine. */
const int = (x: number) => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const level = (c: number) => `${+(c * 100).toFixed(4)}%`;

type Outcome = { json: object; text: string[] };

const RUN: Record<Test, (args: Args, stats: Stats) => Outcome> = {
  'diff-proportions': (args, { diffProportions }) => {
    const [x1, n1, x0, n0, c] = [count(args, 'x1'), count(args, 'n1'), count(args, 'x0'), count(args, 'n0'), confidenceOf(args)];
    const method = choice<DiffMethod>(args, ['newcombe', 'wald'], 'newcombe');
    const r = diffProportions(x1, n1, x0, n0, c, method);
    return {
      json: { test: 'diff-proportions', confidence: c, treatment: x1 / n1, control: x0 / n0, estimate: r.estimate, lo: r.lo, hi: r.hi, p: r.p, method: r.method },
      text: [
        `treatment  ${int(x1)} / ${int(n1)} = ${pct(x1 / n1)}`,
        `control    ${int(x0)} / ${int(n0)} = ${pct(x0 / n0)}`,
        `difference ${pp(r.estimate)}, ${level(c)} CI [${pp(r.lo)}, ${pp(r.hi)}]`,
        `p = ${r.p!.toPrecision(4)} (two-proportion z test); interval: ${r.method}`,
      ],
    };
  },
  proportion: (args, { proportion }) => {
    const [x, n, c] = [count(args, 'x'), count(args, 'n'), confidenceOf(args)];
    const r = proportion(x, n, c, choice<ProportionMethod>(args, ['wilson', 'wald'], 'wilson'));
    return {
      json: { test: 'proportion', confidence: c, estimate: r.estimate, lo: r.lo, hi: r.hi, method: r.method },
      text: [`${int(x)} / ${int(n)} = ${pct(r.estimate)}, ${level(c)} CI [${pct(r.lo)}, ${pct(r.hi)}] (${r.method})`],
    };
  },
  'sample-size': (args, stats) => {
    const { sampleSize } = stats;
    const input = { p0: num(args, 'p0'), mde: num(args, 'mde'), power: num(args, 'power'), alpha: num(args, 'alpha'), designEffect: deffOf(args, stats) };
    const r = sampleSize({ ...input, method: choice<PowerMethod>(args, ['pooled', 'power-prop-test'], 'pooled') });
    const lines = [
      `${int(r.perArmCeil)} per arm (${r.perArm.toFixed(1)} before rounding up), ${int(2 * r.perArmCeil)} in total`,
      `to detect ${pct(input.p0, 1)} → ${pct(input.p0 + input.mde, 1)} (${pp(input.mde, 1)}) with power ${input.power} at two-sided alpha ${input.alpha}`,
      `method: ${r.method}`,
    ];
    if (r.designEffect !== 1) lines.push(`design effect ${r.designEffect.toFixed(3)} applied (${r.perArmUnclustered.toFixed(1)} per arm without clustering)`);
    return { json: { test: 'sample-size', ...input, ...r }, text: lines };
  },
  mde: (args, stats) => {
    const { minimumDetectableEffect } = stats;
    const input = { p0: num(args, 'p0'), n: num(args, 'n'), power: num(args, 'power'), alpha: num(args, 'alpha'), designEffect: deffOf(args, stats) };
    const r = minimumDetectableEffect({ ...input, method: choice<PowerMethod>(args, ['pooled', 'power-prop-test'], 'pooled') });
    return {
      json: { test: 'mde', ...input, ...r },
      text: [
        `minimum detectable effect ${pp(r.mde)} (${pct(input.p0)} → ${pct(input.p0 + r.mde)}) with ${int(input.n)} per arm`,
        `power ${input.power}, two-sided alpha ${input.alpha}${input.designEffect !== 1 ? `, design effect ${input.designEffect.toFixed(3)}` : ''}; method: ${r.method}`,
      ],
    };
  },
};

export const statsCommand: CliCommand = {
  name: 'stats <test>',
  describe: 'Compute one statistic: diff-proportions, proportion, sample-size, mde',
  builder: (y: Argv) =>
    y
      .positional('test', { choices: TESTS, describe: 'Which calculation' })
      .option('x1', { type: 'number', describe: 'Treatment successes' })
      .option('n1', { type: 'number', describe: 'Treatment units' })
      .option('x0', { type: 'number', describe: 'Control successes' })
      .option('n0', { type: 'number', describe: 'Control units' })
      .option('x', { type: 'number', describe: 'Successes (proportion)' })
      .option('n', { type: 'number', describe: 'Units (proportion) or units per arm (mde)' })
      .option('confidence', { type: 'number', default: 0.9, describe: 'Two-sided confidence level' })
      .option('method', { type: 'string', describe: 'newcombe|wald, wilson|wald, pooled|power-prop-test' })
      .option('p0', { type: 'number', describe: 'Baseline proportion' })
      .option('mde', { type: 'number', describe: 'Change to detect, as a fraction (0.05 = 5 pp)' })
      .option('power', { type: 'number', default: 0.8 })
      .option('alpha', { type: 'number', default: 0.05, describe: 'Two-sided significance level' })
      .option('icc', { type: 'number', describe: 'Intra-cluster correlation' })
      .option('cluster-size', { type: 'number', describe: 'Average units per cluster' })
      .option('json', { type: 'boolean', default: false, describe: 'Print JSON for scripts' })
      .example('$0 stats diff-proportions --x1 1250 --n1 10000 --x0 1200 --n0 10000 --confidence 0.90', 'Δ with Newcombe CI')
      .example('$0 stats sample-size --p0 0.20 --mde 0.05 --power 0.80 --alpha 0.05', 'units per arm'),
  run: async (args: Args, io: Io) => {
    // yargs validates the choice, but keep the guard: an unknown name must never reach a lookup.
    if (!TESTS.includes(args.test as Test)) throw usage(`unknown calculation '${String(args.test)}'`, `one of ${TESTS.join(', ')}`);
    const out = RUN[args.test as Test](args, await loadStats());
    io.stdout(args.json ? JSON.stringify(out.json, null, 2) + '\n' : out.text.join('\n') + '\n');
    return 0;
  },
};
