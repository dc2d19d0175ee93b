// Every sentence the deck writes comes from a Handlebars template in templates/<key>.hbs; a deck folder may
// override any of them in <deck>/templates/<key>.hbs. Strict: a missing value is an error, not an empty string.
// Templates run with a fixed set of pure helpers: no prototype access, no file or network access.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { closest, errorDiag, GonogoError } from '../diagnostics.js';
import { decodeUserText, lineCol } from '../spec/source-file.js';
import { ASSETS_DIR } from '../layout/measure.js';
import { NO_PEEKING } from '../spec/no-peeking.js';
import { resolveDeckFile } from '../spec/deck-path.js';
import { MAX_TEMPLATE_FILE_BYTES, MAX_TEMPLATE_ITERATIONS, MAX_TEMPLATE_OUTPUT } from '../limits.js';
import { unsafeChar } from '../xml-text.js';
import { inSentence, listOf } from '../model/words.js';
import { PRECOMPILED } from './builtin-templates.js';
import COMPILE_OPTIONS from './template-options.json' with { type: 'json' };

export const TEMPLATES_DIR = join(ASSETS_DIR, '..', 'templates');

export type Texts = (key: string, data: Record<string, unknown>) => string;

interface Source {
  text: string;
  file: string;
}

/**
 * What one sentence may cost: `each` iterations and characters written. Templates run synchronously, so one
 * budget, reset before each sentence, covers every loop the sentence runs (nested ones included).
 */
const budget = { iterations: 0, chars: 0 };

class BudgetExceeded extends Error {}

function helpersFor(hb: typeof Handlebars): void {
  // {{log}} writes to the console: a template writes sentences, nothing else.
  hb.unregisterHelper('log');
  const each = hb.helpers.each;
  hb.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const counted = (ctx: unknown, o?: Handlebars.RuntimeOptions) => {
      if (++budget.iterations > MAX_TEMPLATE_ITERATIONS) throw new BudgetExceeded('iterations');
      const out = fn(ctx, o);
      if ((budget.chars += out.length) > MAX_TEMPLATE_OUTPUT) throw new BudgetExceeded('output');
      return out;
    };
    return each.call(this, context, { ...options, fn: counted });
  });
  hb.registerHelper('lower', (s: unknown) => String(s).toLowerCase());
  // User text mid-sentence: never lower-cases an acronym or any letter but an ordinary word's capital.
  hb.registerHelper('inSentence', (s: unknown) => inSentence(String(s)));
  hb.registerHelper('upper', (s: unknown) => String(s).toUpperCase());
  hb.registerHelper('capitalize', (s: unknown) => {
    const t = String(s);
    return t.charAt(0).toUpperCase() + t.slice(1);
  });
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.map(String).join(typeof sep === 'string' ? sep : ', ') : String(list)));
  hb.registerHelper('plural', (n: unknown, one: unknown, many: unknown) => (Number(n) === 1 ? String(one) : String(many)));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // "A, B and C" (or "A, B or C" with 'or'): a list inside a sentence, items as written.
  hb.registerHelper('list', (items: unknown, conj: unknown) => listOf(Array.isArray(items) ? items.map(String) : [String(items)], conj === 'or' ? 'or' : 'and'));
}

/** Where override templates may come from: the deck folder, unless the user allows more. */
interface Confine {
  deckDir: string;
  allowOutside: boolean;
}

function readDir(dir: string, cwd: string, confine?: Confine): Map<string, Source> {
  const out = new Map<string, Source>();
  if (!existsSync(dir)) return out;
  const shownDir = relative(cwd, dir) || dir;
  if (!statSync(dir).isDirectory())
    throw new GonogoError(errorDiag('template/path', `${shownDir} is a file, not a folder of templates`, { pos: { file: shownDir, line: 1, col: 1 }, expected: 'a folder templates/ holding <key>.hbs files', hint: 'move the file away: templates/ in a deck folder holds template overrides' }));
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.hbs')) continue;
    const file = join(dir, name);
    const shown = relative(cwd, file) || file;
    const at = { file: shown, line: 1, col: 1 };
    // A template override is read like any file the deck names: inside the folder (symlinks resolved), a readable file.
    if (confine) resolveDeckFile({ deckDir: confine.deckDir, base: dir, path: name, shown, field: 'template override', pos: at, what: 'a Handlebars template file', code: 'template/path', allowOutside: confine.allowOutside });
    else if (!statSync(file).isFile()) continue;
    if (statSync(file).size > MAX_TEMPLATE_FILE_BYTES)
      throw new GonogoError(errorDiag('file/too-large', `template ${shown} is larger than the ${MAX_TEMPLATE_FILE_BYTES / 1024} KB a template may be`, { pos: at, expected: 'a sentence or a paragraph with {{values}}', hint: 'a template writes one sentence or note: shorten it' }));
    const bytes = readFileSync(file);
    const text = bytes.length ? decodeUserText(bytes, 'template', shown).replace(/\n+$/, '') : '';
    const bad = unsafeChar(text);
    if (bad)
      throw new GonogoError(errorDiag('template/control-character', `template ${shown} contains the ${bad.kind} ${bad.code}`, { pos: { file: shown, ...lineCol(text, bad.index) }, expected: 'printable text (tabs and line breaks are fine)', hint: `remove the invisible ${bad.code} character` }));
    // An empty sentence would leave a slide without its title or a bullet without text.
    if (text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '').trim() === '')
      throw new GonogoError(errorDiag('template/empty', `template ${shown} writes nothing`, { pos: { file: shown, line: 1, col: 1 }, expected: 'the text of the sentence, with {{values}}', hint: 'write the sentence, or delete the file to use the built-in one' }));
    out.set(name.slice(0, -4), { text, file: shown });
  }
  return out;
}

/** Loads the built-in templates and a deck's overrides; compiles them all up front so errors surface before any output. */
export function loadTexts(deckDir: string | undefined, cwd: string = process.cwd(), phase: string = 'final', opts: { allowOutsideDeck?: boolean } = {}): { texts: Texts; overridden: string[] } {
  const builtIn = readDir(TEMPLATES_DIR, cwd);
  const overrides = deckDir ? readDir(join(deckDir, 'templates'), cwd, { deckDir, allowOutside: Boolean(opts.allowOutsideDeck) }) : new Map<string, Source>();
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
  const compiled = new Map<string, { fn: HandlebarsTemplateDelegate; src: Source }>();
  for (const key of keys) {
    const src = overrides.get(key) ?? builtIn.get(key)!;
    compiled.set(key, { fn: compileOnce(src), src });
  }
  const texts: Texts = (key, data) => {
    const t = compiled.get(key);
    if (!t) throw new Error(`gonogo: no template "${key}" (a bug: every key the composers use needs templates/${key}.hbs)`);
    budget.iterations = 0;
    budget.chars = 0;
    try {
      const out = t.fn(data, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      if (out.length > MAX_TEMPLATE_OUTPUT) throw new BudgetExceeded('output');
      return out.replace(/\s+/g, ' ').replace(/([.?!])\./g, '$1').trim();
    } catch (err) {
      if (err instanceof BudgetExceeded) throw budgetError(t.src, err.message === 'iterations');
      const missing = /"([^"]+)" not defined/.exec(String((err as Error).message))?.[1];
      if (phase === 'interim' && missing && EFFICACY_VALUES.has(missing)) throw peekingError(t.src.file, missing, (err as { lineNumber?: number }).lineNumber ?? 1, ((err as { column?: number }).column ?? 0) + 1);
      throw templateError(err, t.src, 'template/missing-value', Object.keys(data));
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
  const precompiled = PRECOMPILED.get(src.text);
  if (precompiled) {
    fn = env.template(precompiled);
    cache.set(src.text, fn);
    return fn;
  }
  try {
    env.parse(src.text); // parse now: syntax errors point at the file (code is generated on first use)
  } catch (err) {
    throw templateError(err, src, 'template/syntax');
  }
  fn = env.compile(src.text, COMPILE_OPTIONS);
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

function budgetError(src: Source, loops: boolean): GonogoError {
  const at = src.text.search(/\{\{~?#each\b/);
  return new GonogoError(
    errorDiag('template/budget', loops ? `${src.file} loops more than ${MAX_TEMPLATE_ITERATIONS.toLocaleString('en-US')} times to write one sentence` : `${src.file} writes more than ${MAX_TEMPLATE_OUTPUT.toLocaleString('en-US')} characters for one sentence`, {
      pos: { file: src.file, ...lineCol(src.text, Math.max(0, at)) },
      expected: `at most ${MAX_TEMPLATE_ITERATIONS.toLocaleString('en-US')} {{#each}} iterations and ${MAX_TEMPLATE_OUTPUT.toLocaleString('en-US')} characters per sentence`,
      hint: 'a template writes one sentence or note: loop over one list at a time, not lists inside lists',
    }),
  );
}

const HELPERS = ['lower', 'upper', 'capitalize', 'join', 'list', 'plural', 'eq', 'if', 'unless', 'each', 'with'];

function templateError(err: unknown, src: Source, code: string, names?: string[]): GonogoError {
  const e = err as { message?: string; lineNumber?: number; column?: number };
  const msg = String(e.message ?? err);
  const file = src.file;
  const missing = /"([^"]+)" not defined/.exec(msg)?.[1];
  if (missing && names) {
    const pos = { file, line: e.lineNumber ?? 1, col: (e.column ?? 0) + 1 };
    const lineText = src.text.split('\n')[pos.line - 1] ?? '';
    // strict mode reports an unknown helper as an undefined value; "{{name arg}}" tells them apart
    const asHelper = new RegExp(`\\{\\{[#~\\s]*${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+[^}\\s]`).test(lineText);
    const guess = closest(missing, asHelper ? HELPERS : names);
    return new GonogoError(
      errorDiag(code, asHelper ? `${file} calls the helper "${missing}", which does not exist` : `${file} uses {{${missing}}}, which this template does not receive`, {
        pos,
        expected: asHelper ? `one of the helpers: ${HELPERS.join(', ')}` : `one of the values: ${names.join(', ')}`,
        hint: guess ? (asHelper ? `did you mean ${guess}?` : `did you mean {{${guess}}}?`) : asHelper ? `helpers: ${HELPERS.join(', ')}` : 'write only the values listed, or wrap optional ones in {{#if name}}…{{/if}}',
      }),
    );
  }
  const partial = /The partial (\S+) could not be found/.exec(msg)?.[1];
  if (partial)
    return new GonogoError(
      errorDiag(code, `${file} uses the partial {{> ${partial}}}, but templates have no partials`, {
        pos: { file, ...lineCol(src.text, Math.max(0, src.text.indexOf('{{>'))) },
        expected: 'text, {{values}} and the helpers',
        hint: 'write the text in place',
      }),
    );
  // A path that leads nowhere at run time (../../x past the top) surfaces as a TypeError from the generated code.
  if (err instanceof TypeError)
    return new GonogoError(
      errorDiag(code, `${file} names a value that does not exist where it is used`, {
        pos: { file, line: 1, col: 1 },
        expected: names ? `one of the values: ${names.join(', ')}` : 'the values this template receives',
        hint: 'inside {{#each}}, ../name reaches the values around the loop and @root.name the top level',
      }),
    );
  const { what, line, col } = parseErrorAt(msg, e, src.text);
  return new GonogoError(
    errorDiag(code, `template syntax error in ${file}: ${what}`, {
      pos: { file, line, col },
      expected: 'a valid Handlebars template',
      hint: 'check that every {{#if}} / {{#each}} has its {{/if}} / {{/each}}, and every {{ its }}',
    }),
  );
}

/** Handlebars' parse errors carry no position object: recover the line and column from the message, or from the text. */
function parseErrorAt(msg: string, e: { lineNumber?: number; column?: number }, text: string): { what: string; line: number; col: number } {
  const first = msg.split('\n')[0];
  if (e.lineNumber !== undefined) return { what: first.replace(/ - \d+:\d+$/, ''), line: e.lineNumber, col: (e.column ?? 0) + 1 };
  const got = /got '([^']+)'/.exec(msg)?.[1];
  const open = unclosed(text, got === 'EOF');
  if (open) return { what: open.what, ...lineCol(text, open.offset) };
  const line = Number(/line (\d+)/.exec(first)?.[1] ?? 1);
  return { what: got ? `unexpected ${got === 'EOF' ? 'end of template' : got}` : first, line, col: 1 };
}

/** The last {{ with no }}, or (at the end of the template) the last block opener {{#name with no {{/name}}. */
function unclosed(text: string, atEnd: boolean): { what: string; offset: number } | undefined {
  const lastOpen = text.lastIndexOf('{{');
  if (lastOpen >= 0 && text.indexOf('}}', lastOpen) < 0) return { what: 'this {{ is never closed with }}', offset: lastOpen };
  if (!atEnd) return undefined;
  const stack: { name: string; offset: number }[] = [];
  for (const m of text.matchAll(/\{\{~?\s*([#/])\s*([\w-]+)/g)) {
    if (m[1] === '#') stack.push({ name: m[2], offset: m.index });
    else if (stack.at(-1)?.name === m[2]) stack.pop();
  }
  const top = stack.pop();
  return top ? { what: `{{#${top.name}}} is never closed with {{/${top.name}}}`, offset: top.offset } : undefined;
}

