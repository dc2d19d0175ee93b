// WCAG 2 contrast between two colours (hex without '#'), and the nearest darker shade that reaches a ratio:
// a template's colour that is too light for text is darkened along its own hue rather than replaced.

function channel(v: number): number {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function rgb(hex: string): [number, number, number] {
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map(channel);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (n: number) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, '0').toUpperCase();

/** `hex` scaled towards black (or white on a dark background) in 2% steps until it reaches `ratio` against `bg`. */
export function withContrast(hex: string, bg: string, ratio = 4.5): string {
  const dark = luminance(bg) > 0.18;
  let [r, g, b] = rgb(hex);
  for (let i = 0; i < 60 && contrast(toHex(r) + toHex(g) + toHex(b), bg) < ratio; i++) {
    [r, g, b] = dark ? [r * 0.96, g * 0.96, b * 0.96] : [r + (255 - r) * 0.06, g + (255 - g) * 0.06, b + (255 - b) * 0.06];
  }
  return toHex(r) + toHex(g) + toHex(b);
}
