// Every sentence the deck writes comes from a Handlebars template in templates/<key>.hbs; a deck folder may
// override any of them in <deck>/templates/<key>.hbs. Strict: a missing value is an error, not an empty string.
// Templates run with a fixed set of pure helpers: no prototype access, no file or network access.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { closest, errorDiag, GonogoError } from '../diagnostics.js';
import { ASSETS_DIR } from '../layout/measure.js';
import { NO_PEEKING } from '../decide/phase.js';

export const TEMPLATES_DIR = join(ASSETS_DIR, '..', 'templates');

export type Texts = (key: string, data: Record<string, unknown>) => string;

interface Source {
  text: string;
  file: string;
}

function helpersFor(hb: typeof Handlebars): void {
  hb.registerHelper('lower', (s: unknown) => String(s).toLowerCase());
  hb.registerHelper('upper', (s: unknown) => String(s).toUpperCase());
  hb.registerHelper('capitalize', (s: unknown) => {
    const t = String(s);
    return t.charAt(0).toUpperCase() + t.slice(1);
  });
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : String(list)));
  hb.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => (Number(n) === 1 ? String(one) : String(many)));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
}

function readDir(dir: string, cwd: string): Map<string, Source> {
  const out = new Map<string, Source>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs')) continue;
    const file = join(dir, name);
    out.set(name.slice(0, -4), { text: readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').replace(/\n+$/, ''), file: relative(cwd, file) || file });
  }
  return out;
}

/** Loads the built-in templates and a deck's overrides; compiles them all up front so errors surface before any output. */
export function loadTexts(deckDir: string | undefined, cwd: string = process.cwd(), phase: string = 'final'): { texts: Texts; overridden: string[] } {
  const builtIn = readDir(TEMPLATES_DIR, cwd);
  const overrides = deckDir ? readDir(join(deckDir, 'templates'), cwd) : new Map<string, Source>();
  if (phase === 'interim') for (const src of overrides.values()) refuseEfficacy(src);
  const keys = [...builtIn.keys()];
  for (const [key, src] of overrides)
    if (!builtIn.has(key)) {
      const guess = closest(key, keys);
      throw new GonogoError(
        errorDiag('template/unknown', `${src.file} overrides no template: there is no "${key}"`, {
          pos: { file: src.file, line: 1, col: 1 },
          expected: 'a file named after a built-in template, e.g. exec-title.hbs',
          hint: guess ? `did you mean ${guess}.hbs?` : `the built-in templates are in ${relative(cwd, TEMPLATES_DIR)}`,
        }),
      );
    }
  const compiled = new Map<string, { fn: HandlebarsTemplateDelegate; file: string }>();
  for (const key of keys) {
    const src = overrides.get(key) ?? builtIn.get(key)!;
    compiled.set(key, { fn: compileOnce(src), file: src.file });
  }
  const texts: Texts = (key, data) => {
    const t = compiled.get(key);
    if (!t) throw new Error(`gonogo: no template "${key}" (a bug: every key the composers use needs templates/${key}.hbs)`);
    try {
      return t.fn(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }).replace(/\s+/g, ' ').replace(/([.?!])\./g, '$1').trim();
    } catch (err) {
      const missing = /"([^"]+)" not defined/.exec(String((err as Error).message))?.[1];
      if (phase === 'interim' && missing && EFFICACY_VALUES.has(missing)) throw peekingError(t.file, missing, 1, 1);
      throw templateError(err, t.file, 'template/missing-value', Object.keys(data));
    }
  };
  return { texts, overridden: [...overrides.keys()] };
}

let env: typeof Handlebars | undefined;
/** Compiled templates by source text: a rebuild in the same process (watch) reuses them. */
const cache = new Map<string, HandlebarsTemplateDelegate>();

function compileOnce(src: Source): HandlebarsTemplateDelegate {
  let fn = cache.get(src.text);
  if (fn) return fn;
  if (!env) {
    env = Handlebars.create();
    helpersFor(env);
  }
  try {
    env.parse(src.text); // parse now: syntax errors point at the file (code is generated on first use)
  } catch (err) {
    throw templateError(err, src.file, 'template/syntax');
  }
  fn = env.compile(src.text, { strict: true, noEscape: true, knownHelpersOnly: false });
  cache.set(src.text, fn);
  return fn;
}

/** Values that carry an efficacy read: a template naming one cannot run in an interim deck. */
const EFFICACY_VALUES = new Set(['change', 'interval', 'magnitude', 'verb', 'estimate', 'lift', 'delta', 'ci', 'p', 'pValue', 'observed', 'reason', 'good', 'clear', 'headline', 'decidedBy', 'better', 'worse', 'winner', 'direction']);

function refuseEfficacy(src: Source): void {
  const re = /\{\{\{?[#/^~]?\s*(?:[\w-]+\s+)*?([A-Za-z_][\w.]*)[^}]*\}\}/g;
  for (const [i, line] of src.text.split('\n').entries())
    for (const m of line.matchAll(re))
      for (const name of m[0].replace(/[{}#/^~]/g, ' ').split(/[\s().]+/))
        if (EFFICACY_VALUES.has(name)) throw peekingError(src.file, name, i + 1, (m.index ?? 0) + 1);
}

function peekingError(file: string, name: string, line: number, col: number): GonogoError {
  return new GonogoError(
    errorDiag('interim/peeking', `${file} asks for {{${name}}}, an efficacy read, in an interim deck`, {
      pos: { file, line, col },
      expected: 'interim templates that use participation, compliance, safety and data-quality values only',
      hint: NO_PEEKING,
    }),
  );
}

function templateError(err: unknown, file: string, code: string, names?: string[]): GonogoError {
  const msg = String((err as Error).message ?? err);
  const m = /line (\d+)(?:, column (\d+))?/.exec(msg) ?? /^Parse error on line (\d+)/.exec(msg);
  const missing = /"([^"]+)" not defined/.exec(msg)?.[1];
  const guess = missing && names ? closest(missing, names) : undefined;
  return new GonogoError(
    errorDiag(code, missing ? `${file} uses {{${missing}}}, which this template does not receive` : `template syntax error in ${file}: ${msg.split('\n')[0]}`, {
      pos: { file, line: m ? Number(m[1]) : 1, col: m?.[2] ? Number(m[2]) + 1 : 1 },
      expected: names ? `one of the values: ${names.join(', ')}` : 'a valid Handlebars template',
      hint: guess ? `did you mean {{${guess}}}?` : names ? undefined : 'check that every {{#if}} / {{#each}} has its {{/if}} / {{/each}}',
    }),
  );
}
