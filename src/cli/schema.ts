// gonogo schema: the JSON Schema of the spec, for editor completion (yaml-language-server).
import { EXIT } from '../diagnostics.js';
import type { CliCommand } from './io.js';

export const schemaCommand: CliCommand = {
  name: 'schema',
  describe: 'Print the JSON Schema of gonogo.yaml (for editor completion)',
  builder: (y) => y,
  run: async (_args, io) => {
    // loaded here, not when the CLI starts: no other verb needs zod's JSON Schema writer
    const { specJsonSchema } = await import('../spec/json-schema.js');
    io.stdout(JSON.stringify(specJsonSchema(), null, 2) + '\n');
    return EXIT.ok;
  },
};
