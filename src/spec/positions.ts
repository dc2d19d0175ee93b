// Maps a field path (['metrics', 2, 'kind']) to file:line:col in the YAML source, so every
// error points at what the user wrote.
import { isMap, isSeq, isScalar, isPair, LineCounter, type Document, type Node } from 'yaml';
import type { SourcePosition } from '../diagnostics.js';

export type FieldPath = readonly (string | number)[];

export class PositionIndex {
  private readonly lines: string[];
  constructor(
    readonly file: string,
    private readonly doc: Document.Parsed | undefined,
    private readonly counter: LineCounter,
    text: string,
  ) {
    this.lines = text.split('\n');
  }

  /** Position of the value at `path` (or of its key with which='key'); falls back to the nearest parent. */
  at(path: FieldPath, which: 'value' | 'key' = 'value'): SourcePosition {
    let node: unknown = this.doc?.contents;
    let best: [number, number] | undefined = rangeOf(node);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        const keyRange = rangeOf(pair.key);
        if (last && which === 'key' && keyRange) return this.pos(keyRange);
        node = pair.value;
        best = rangeOf(node) ?? keyRange ?? best;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        best = rangeOf(node) ?? best;
      } else break;
    }
    return best ? this.pos(best) : { file: this.file, line: 1, col: 1, lineText: this.lines[0] ?? '' };
  }

  /** Position of a character offset in the source. */
  offset(offset: number, length = 1): SourcePosition {
    return this.pos([offset, offset + length]);
  }

  private pos([start, end]: [number, number]): SourcePosition {
    const { line, col } = this.counter.linePos(start);
    const lineText = this.lines[line - 1] ?? '';
    const length = Math.max(1, Math.min(end - start, lineText.length - col + 1));
    return { file: this.file, line, col, lineText, length };
  }
}

function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as Node | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}
