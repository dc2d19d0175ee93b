// Hover help: every property of `gonogo schema` has a description, and the catalogue has no dead entries.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { spec } from '../../src/spec/schema.js';
import { specJsonSchema } from '../../src/spec/json-schema.js';
import { describeSchema } from '../../src/spec/descriptions.js';

type Node = Record<string, unknown>;

/** Every property of a JSON Schema as path → its schema, through unions, arrays and maps. */
function properties(node: unknown, path = '', out = new Map<string, Node[]>()): Map<string, Node[]> {
  if (!node || typeof node !== 'object') return out;
  const n = node as Node;
  for (const k of ['anyOf', 'oneOf', 'allOf']) if (Array.isArray(n[k])) for (const b of n[k] as unknown[]) properties(b, path, out);
  if (n.items) properties(n.items, `${path}[]`, out);
  if (n.additionalProperties && typeof n.additionalProperties === 'object') properties(n.additionalProperties, `${path}.*`, out);
  for (const [name, p] of Object.entries((n.properties ?? {}) as Record<string, Node>)) {
    const at = path ? `${path}.${name}` : name;
    out.set(at, [...(out.get(at) ?? []), p]);
    properties(p, at, out);
  }
  return out;
}

describe('gonogo schema descriptions', () => {
  const schema = specJsonSchema();
  const props = properties(schema);

  it('describes every property (add new ones to src/spec/descriptions.ts)', () => {
    expect(props.size).toBeGreaterThan(250);
    const bare = [...props].filter(([, nodes]) => nodes.some((p) => typeof p.description !== 'string' || p.description.trim().length < 8)).map(([path]) => path);
    expect(bare).toEqual([]);
  });

  it('has no catalogue entry that matches no property', () => {
    const raw = z.toJSONSchema(spec, { io: 'input', unrepresentable: 'any' }) as Node;
    expect(describeSchema(raw).unused).toEqual([]);
  });

  it('takes the full path first, then the longest **. suffix', () => {
    expect((props.get('monitoring.alerts[].metric')![0].description as string)).toMatch(/metric the alert watches/);
    expect((props.get('criteria.*.all[].metric')![0].description as string)).toMatch(/metric the rule reads/);
    expect((props.get('criteria.*.any[].no_segment.all[].ci_lower.at_least')![0].description as string)).toMatch(/at or above/);
  });

  it('reports what a catalogue misses and what it never uses', () => {
    const raw = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } }, c: { type: 'array', items: { type: 'object', properties: { d: {} } } } } };
    const r = describeSchema(raw, { a: 'the a', '**.d': 'any d', 'x.y': 'unused' });
    expect(r.missing).toEqual(['a.b', 'c']);
    expect(r.unused).toEqual(['x.y']);
    expect(raw.properties.a).not.toHaveProperty('description'); // the input is not mutated
  });
});
