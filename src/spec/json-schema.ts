// The spec's JSON Schema, for editor completion (gonogo schema, gonogo init).
import { z } from 'zod';
import { spec } from './schema.js';
import { describeSchema } from './descriptions.js';

/** The spec's JSON Schema with hover help on every property (src/spec/descriptions.ts). */
export function specJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(spec, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...describeSchema(schema).schema, $id: 'https://gonogo.dev/schema/gonogo.schema.json', title: 'gonogo decision spec', description: 'A gonogo decision spec (gonogo.yaml): the decision, its metrics and the pre-agreed rules that turn them into a verdict.' };
}
