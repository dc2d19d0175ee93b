// gonogo schema: the JSON Schema of the spec, for editor completion (yaml-language-server).
import { z } from 'zod';
import { EXIT } from '../diagnostics.js';
import type { CliCommand } from './io.js';
import { spec } from '../spec/schema.js';

export function specJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(spec, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://gonogo.dev/schema/gonogo.schema.json', title: 'gonogo decision spec' };
}

export const schemaCommand: CliCommand = {
  name: 'schema',
  describe: 'Print the JSON Schema of gonogo.yaml (for editor completion)',
  builder: (y) => y,
  run: async (_args, io) => {
    io.stdout(JSON.stringify(specJsonSchema(), null, 2) + '\n');
    return EXIT.ok;
  },
};
