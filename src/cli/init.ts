// gonogo init DIR: a new deck folder from the commented starter spec, with the spec's JSON Schema beside it
// (editor help), a .gitignore for built output, and git set up to diff decks as text when DIR is in a repo.
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXIT, errorDiag, GonogoError } from '../diagnostics.js';
import type { CliCommand } from './io.js';
import { configureGit, describeSetup, DIFF_ATTRIBUTE, gitTopLevel } from './git-setup.js';

export const GITATTRIBUTES = `# git diff shows decks as text once gonogo git-setup has run in the repository\n${DIFF_ATTRIBUTE}\n`;

export const GITIGNORE = [
  '# Chart images gonogo caches between builds: never worth committing.',
  'out/.cache/',
  '# Built decks (out/*.pptx, the .md outline, the Deck JSON). Delete the next line to commit them: then',
  '# `git diff` shows each rebuilt deck as changed sentences and `git log -p` its history. Keep the line',
  '# to commit only the spec and its data (`gonogo diff DECK --from REV` rebuilds old versions to compare).',
  'out/',
  '',
].join('\n');

export const initCommand: CliCommand = {
  name: 'init <dir>',
  describe: 'Create a deck folder with a commented starter spec and sample metrics',
  builder: (y) => y.positional('dir', { type: 'string', describe: 'The new deck folder (must be empty or absent)', demandOption: true }),
  run: async (args, io) => {
    const { TEMPLATES_DIR } = await import('../compose/texts.js');
    const { specJsonSchema } = await import('../spec/json-schema.js');
    const dir = resolve(io.cwd, String(args.dir));
    const rel = relative(io.cwd, dir);
    const shown = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
    if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0))
      throw new GonogoError(errorDiag('init/not-empty', `${shown} ${statSync(dir).isDirectory() ? 'is not empty' : 'is a file'}; gonogo init writes only into a new or empty folder`, { hint: 'choose a new folder name, e.g. gonogo init decks/my-decision' }));
    mkdirSync(dir, { recursive: true });
    const starter = join(TEMPLATES_DIR, 'starter');
    for (const f of ['gonogo.yaml', 'metrics.csv']) copyFileSync(join(starter, f), join(dir, f));
    writeFileSync(join(dir, 'gonogo.schema.json'), JSON.stringify(specJsonSchema(), null, 2) + '\n');
    writeFileSync(join(dir, '.gitattributes'), GITATTRIBUTES);
    writeFileSync(join(dir, '.gitignore'), GITIGNORE);
    const top = gitTopLevel(dir);
    const git = top ? describeSetup(await configureGit(top, realpathSync(dir))) : ['Not in a git repository yet: after git init, run gonogo git-setup so git diff shows decks as text.'];
    io.stdout(
      [
        `Created ${shown}/: gonogo.yaml (a commented starter spec), metrics.csv (sample metrics, raw and precomputed),`,
        '  gonogo.schema.json (editor completion and help), .gitignore (built decks in out/), .gitattributes.',
        '',
        'Next:',
        `  gonogo validate ${shown}     check the spec and metrics`,
        `  gonogo build ${shown}        write the deck to ${shown}/out/`,
        `  gonogo watch ${shown}        rebuild on every save`,
        '',
        ...git,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
