// gonogo textconv FILE.pptx: the deck as text, for git's textconv (git diff shows changed sentences).
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { EXIT, errorDiag, GonogoError } from '../diagnostics.js';
import type { CliCommand } from './io.js';

export const textconvCommand: CliCommand = {
  name: 'textconv <file>',
  describe: 'Print a PPTX as stable text, slide by slide (for git diff: textconv)',
  builder: (y) => y.positional('file', { type: 'string', describe: 'A .pptx file', demandOption: true }),
  run: async (args, io) => {
    const { pptxToText } = await import('../review/pptx-text.js');
    const file = String(args.file);
    const bytes = await readFile(isAbsolute(file) ? file : join(io.cwd, file)).catch((err: NodeJS.ErrnoException) => {
      throw new GonogoError(errorDiag('pptx/missing', `cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, { expected: 'the path of a .pptx file' }));
    });
    io.stdout(pptxToText(new Uint8Array(bytes), file));
    return EXIT.ok;
  },
};
