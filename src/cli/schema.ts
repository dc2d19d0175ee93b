// gonogo schema: the JSON Schema of the spec, for editor completion (yaml-language-server).
import { EXIT } from '../diagnostics.js';
import type { CliCommand } from './io.js';

export async function specJsonSchema(): Promise<Record<string, unknown>> {
  // loaded here, not at start-up: every other verb would pay for compiling zod and the schema
  const [{ z }, { spec }] = await Promise.all([import('zod'), import('../spec/schema.js')]);
  const schema = z.toJSONSchema(spec, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://gonogo.dev/schema/gonogo.schema.json', title: 'gonogo decision spec' };
}

export const schemaCommand: CliCommand = {
  name: 'schema',
  describe: 'Print the JSON Schema of gonogo.yaml (for editor completion)',
  builder: (y) => y,
  run: async (_args, io) => {
    io.stdout(JSON.stringify(await specJsonSchema(), null, 2) + '\n');
    return EXIT.ok;
  },
};
