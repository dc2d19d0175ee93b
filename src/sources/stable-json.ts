// JSON for files kept in git: keys sorted, two-space indent, short arrays of numbers on one line, a final newline.
// Written by hand because JSON.stringify cannot sort keys or keep number pairs on one line.

export function stableStringify(value: unknown): string {
  return write(value, '') + '\n';
}

function write(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return scalar(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.every((x) => x === null || typeof x !== 'object') && v.length <= 8) return '[' + v.map(scalar).join(', ') + ']';
    return '[\n' + v.map((x) => inner + write(x, inner)).join(',\n') + '\n' + indent + ']';
  }
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  const body = keys.map((k) => `${inner}${JSON.stringify(k)}: ${write((v as Record<string, unknown>)[k], inner)}`);
  return '{\n' + body.join(',\n') + '\n' + indent + '}';
}

function scalar(x: unknown): string {
  if (x === undefined) return 'null';
  if (typeof x === 'number' && !Number.isFinite(x)) return 'null';
  return JSON.stringify(x);
}
