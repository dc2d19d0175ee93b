// gonogo init DIR: a new deck folder from the commented starter spec, with git set up to diff decks as text.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { EXIT, errorDiag, GonogoError } from '../diagnostics.js';
import type { CliCommand } from './io.js';

export const GITATTRIBUTES = '# git diff shows decks as text: git config diff.gonogo.textconv "npx gonogo textconv"\n*.pptx diff=gonogo\n';

export const initCommand: CliCommand = {
  name: 'init <dir>',
  describe: 'Create a deck folder with a commented starter spec and sample metrics',
  builder: (y) => y.positional('dir', { type: 'string', describe: 'The new deck folder (must be empty or absent)', demandOption: true }),
  run: async (args, io) => {
    const { TEMPLATES_DIR } = await import('../compose/texts.js');
    const dir = resolve(io.cwd, String(args.dir));
    const rel = relative(io.cwd, dir);
    const shown = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
    if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0))
      throw new GonogoError(errorDiag('init/not-empty', `${shown} ${statSync(dir).isDirectory() ? 'is not empty' : 'is a file'}; gonogo init writes only into a new or empty folder`, { hint: 'choose a new folder name, e.g. gonogo init decks/my-decision' }));
    mkdirSync(dir, { recursive: true });
    const starter = join(TEMPLATES_DIR, 'starter');
    for (const f of ['gonogo.yaml', 'metrics.csv']) copyFileSync(join(starter, f), join(dir, f));
    writeFileSync(join(dir, '.gitattributes'), GITATTRIBUTES);
    io.stdout(
      [
        `Created ${shown}/: gonogo.yaml (a commented starter spec), metrics.csv (sample metrics), .gitattributes.`,
        '',
        'Next:',
        `  npx gonogo validate ${shown}     check the spec and metrics`,
        `  npx gonogo build ${shown}        write the deck`,
        `  npx gonogo watch ${shown}        rebuild on every save`,
        '',
        'To see decks as text in git diff, run once in your repository:',
        '  git config diff.gonogo.textconv "npx gonogo textconv"',
        '  git config diff.gonogo.cachetextconv true     (git keeps the text of each committed deck)',
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
