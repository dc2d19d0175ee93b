// WCAG contrast of every text colour the layout uses, against every background it can sit on.
import { describe, expect, it } from 'vitest';
import { layoutDeck } from '../../src/layout/layout.js';
import { defaultTheme } from '../../src/deck/theme.js';
import { sampleDeck } from './fixtures.js';
import { expectReadableText } from '../support/contrast.js';

describe('text contrast', () => {
  it('keeps every text colour at ≥ 4.5:1 on white and on the card/stripe fill', () => {
    const { slides } = layoutDeck(sampleDeck, defaultTheme);
    expect(expectReadableText(slides, defaultTheme.colors).size).toBeGreaterThan(3);
  });
});
