// gonogo schema: the JSON Schema of the spec, for editor completion (yaml-language-server).
import { z } from 'zod';
import { EXIT } from '../diagnostics.js';
import type { CliCommand } from './io.js';
import { spec } from '../spec/schema.js';
import { describeSchema } from '../spec/descriptions.js';

/** The spec's JSON Schema with hover help on every property (src/spec/descriptions.ts). */
export function specJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(spec, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...describeSchema(schema).schema, $id: 'https://gonogo.dev/schema/gonogo.schema.json', title: 'gonogo decision spec', description: 'A gonogo decision spec (gonogo.yaml): the decision, its metrics and the pre-agreed rules that turn them into a verdict.' };
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
