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
    if (v.every(isSmall)) return packed(v.map((x) => write(x, inner)), indent);
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

/** A scalar or a short list of scalars, e.g. a [value, count] pair. */
function isSmall(x: unknown): boolean {
  if (x === null || typeof x !== 'object') return true;
  return Array.isArray(x) && x.length <= 4 && x.every((y) => y === null || typeof y !== 'object');
}

/** Long lists of small items: several per line, lines up to about 100 characters, so big locks stay readable. */
function packed(items: string[], indent: string): string {
  const inner = indent + '  ';
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && inner.length + line.length + item.length + 3 > 100) {
      lines.push(inner + line + ',');
      line = '';
    }
    line = line ? `${line}, ${item}` : item;
  }
  lines.push(inner + line);
  return '[\n' + lines.join('\n') + '\n' + indent + ']';
}
