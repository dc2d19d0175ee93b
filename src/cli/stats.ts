// `gonogo stats <calculation>`: the statistics behind the deck, one calculation at a time, for checks and scripts.
import type { Argv } from 'yargs';
import { GonogoError, errorDiag } from '../diagnostics.js';
import type { CliCommand, Io } from './io.js';
import { proportion, type ProportionMethod } from '../stats/proportions.js';
import { diffProportions, type DiffMethod } from '../stats/diffProportions.js';
import { sampleSize, minimumDetectableEffect, DEFAULT_POWER_METHOD, POWER_METHODS, type PowerMethod } from '../stats/power.js';
import { designEffect } from '../stats/designEffect.js';

type Args = Record<string, unknown>;

function usage(message: string, hint?: string): GonogoError {
  return new GonogoError(errorDiag('cli/stats-argument', message, hint ? { hint } : {}));
}

/** A required numeric flag; yargs turns text into NaN, which lands here too. */
function num(args: Args, flag: string): number {
  const v = args[flag];
  if (v === undefined) throw usage(`--${flag} is required for gonogo stats ${String(args.calculation)}`, `e.g. --${flag} ${EXAMPLES[flag] ?? '1'}`);
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
  // The old name 'pooled' meant the baseline-variance formula, while power.prop.test is the pooled one.
  if (v === 'pooled' && allowed.includes('power-prop-test' as T))
    throw usage(`--method pooled is ambiguous and no longer accepted`, "power-prop-test (the default: R's power.prop.test, variance pooled under no effect) or baseline-variance (n = (z₁₋α/₂ + z₁₋β)²·2p₀(1−p₀)/δ²)");
  if (!allowed.includes(v as T)) throw usage(`--method must be one of ${allowed.join(', ')} for ${String(args.calculation)}, got ${v}`);
  return v as T;
}

function confidenceOf(args: Args): number {
  const c = num(args, 'confidence');
  if (!(c > 0 && c < 1)) throw usage(`--confidence must be between 0 and 1 (exclusive), got ${c}`, 'write 0.90 for a 90% interval');
  return c;
}

function deffOf(args: Args): number {
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
type Test = 'diff-proportions' | 'proportion' | 'sample-size' | 'mde';

const RUN: Record<Test, (args: Args) => Outcome> = {
  'diff-proportions': (args) => {
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
  proportion: (args) => {
    const [x, n, c] = [count(args, 'x'), count(args, 'n'), confidenceOf(args)];
    const r = proportion(x, n, c, choice<ProportionMethod>(args, ['wilson', 'wald'], 'wilson'));
    return {
      json: { test: 'proportion', confidence: c, estimate: r.estimate, lo: r.lo, hi: r.hi, method: r.method },
      text: [`${int(x)} / ${int(n)} = ${pct(r.estimate)}, ${level(c)} CI [${pct(r.lo)}, ${pct(r.hi)}] (${r.method})`],
    };
  },
  'sample-size': (args) => {
    const input = { p0: num(args, 'p0'), mde: num(args, 'mde'), power: num(args, 'power'), alpha: num(args, 'alpha'), designEffect: deffOf(args) };
    const r = sampleSize({ ...input, method: choice<PowerMethod>(args, POWER_METHODS, DEFAULT_POWER_METHOD) });
    const lines = [
      `${int(r.perArmCeil)} per arm (${r.perArm.toFixed(1)} before rounding up), ${int(2 * r.perArmCeil)} in total`,
      `to detect ${pct(input.p0, 1)} → ${pct(input.p0 + input.mde, 1)} (${pp(input.mde, 1)}) with power ${input.power} at two-sided alpha ${input.alpha}`,
      `method: ${r.method}`,
    ];
    if (r.designEffect !== 1) lines.push(`design effect ${r.designEffect.toFixed(3)} applied (${r.perArmUnclustered.toFixed(1)} per arm without clustering)`);
    return { json: { test: 'sample-size', ...input, ...r }, text: lines };
  },
  mde: (args) => {
    const input = { p0: num(args, 'p0'), n: num(args, 'n'), power: num(args, 'power'), alpha: num(args, 'alpha'), designEffect: deffOf(args) };
    const r = minimumDetectableEffect({ ...input, method: choice<PowerMethod>(args, POWER_METHODS, DEFAULT_POWER_METHOD) });
    return {
      json: { test: 'mde', ...input, ...r },
      text: [
        `minimum detectable effect ${pp(r.mde)} (${pct(input.p0)} → ${pct(input.p0 + r.mde)}) with ${int(input.n)} per arm`,
        `power ${input.power}, two-sided alpha ${input.alpha}${input.designEffect !== 1 ? `, design effect ${input.designEffect.toFixed(3)}` : ''}; method: ${r.method}`,
      ],
    };
  },
};

const json = (y: Argv) => y.option('json', { type: 'boolean', default: false, describe: 'Print JSON for scripts' });
const confidence = (y: Argv) => y.option('confidence', { type: 'number', default: 0.9, describe: 'Two-sided confidence level, e.g. 0.90 for a 90% interval' });
const planning = (y: Argv) =>
  y
    .option('p0', { type: 'number', describe: 'Baseline (control) proportion, e.g. 0.20' })
    .option('power', { type: 'number', default: 0.8, describe: 'Chance of detecting the effect if it is real' })
    .option('alpha', { type: 'number', default: 0.05, describe: 'Two-sided significance level' })
    .option('method', {
      type: 'string',
      default: DEFAULT_POWER_METHOD,
      describe: "power-prop-test: R's power.prop.test (variance pooled under no effect, each arm's own under the effect); baseline-variance: n = (z₁₋α/₂ + z₁₋β)²·2p₀(1−p₀)/δ²",
    })
    .option('icc', { type: 'number', describe: 'Intra-cluster correlation, with --cluster-size (design effect 1 + (m − 1)·ICC)' })
    .option('cluster-size', { type: 'number', describe: 'Average units per cluster (m), with --icc' });

/** One calculation as a verb of its own, so `gonogo stats mde --help` lists only what mde reads. */
function calculation(test: Test, describe: string, builder: (y: Argv) => Argv): CliCommand {
  return {
    name: test,
    describe,
    builder: (y) => json(builder(y)),
    run: async (args: Args, io: Io) => {
      const out = RUN[test]({ ...args, calculation: test });
      io.stdout(args.json ? JSON.stringify(out.json, null, 2) + '\n' : out.text.join('\n') + '\n');
      return 0;
    },
  };
}

export const statsCommand: CliCommand = {
  name: 'stats',
  describe: 'Compute one statistic: diff-proportions, proportion, sample-size, mde',
  builder: (y: Argv) => y.usage('$0 stats <calculation> [options]\n\nThe statistics behind the deck, one calculation at a time. gonogo stats <calculation> --help lists its options.'),
  // yargs demands a calculation before any handler runs; this only guards a call without one.
  run: async () => {
    throw usage('name a calculation', 'gonogo stats diff-proportions | proportion | sample-size | mde; gonogo stats --help lists them');
  },
  subcommands: [
    calculation('diff-proportions', 'Difference of two proportions with its interval and p-value', (y) =>
      confidence(
        y
          .option('x1', { type: 'number', describe: 'Treatment successes' })
          .option('n1', { type: 'number', describe: 'Treatment units' })
          .option('x0', { type: 'number', describe: 'Control successes' })
          .option('n0', { type: 'number', describe: 'Control units' }),
      )
        .option('method', { type: 'string', default: 'newcombe', describe: 'Interval: newcombe (hybrid score) or wald' })
        .example('$0 stats diff-proportions --x1 1250 --n1 10000 --x0 1200 --n0 10000 --confidence 0.90', 'Δ with its Newcombe interval'),
    ),
    calculation('proportion', 'One proportion with its interval', (y) =>
      confidence(y.option('x', { type: 'number', describe: 'Successes' }).option('n', { type: 'number', describe: 'Units' }))
        .option('method', { type: 'string', default: 'wilson', describe: 'Interval: wilson or wald' })
        .example('$0 stats proportion --x 45 --n 300 --confidence 0.95', 'Wilson interval'),
    ),
    calculation('sample-size', 'Units per arm to detect a change of a proportion', (y) =>
      planning(y)
        .option('mde', { type: 'number', describe: 'Change to detect, as a fraction (0.05 = 5 pp)' })
        .example('$0 stats sample-size --p0 0.20 --mde 0.05', "units per arm, as R's power.prop.test(p1 = .2, p2 = .25, power = .8)"),
    ),
    calculation('mde', 'Smallest change of a proportion detectable with n units per arm', (y) =>
      planning(y)
        .option('n', { type: 'number', describe: 'Units per arm' })
        .example('$0 stats mde --p0 0.20 --n 1400', "as R's power.prop.test(n = 1400, p1 = .2, power = .8)"),
    ),
  ],
};
