// Arm names on slides: blinded interim decks hide which arm is which.
import { createHash } from 'node:crypto';
import type { Spec } from '../spec/normalized.js';

/**
 * Arm names on slides. Blinded interim decks say Arm A / Arm B, and which arm is A follows a hash of the
 * deck's title and date rather than a convention, so the label itself implies nothing.
 */
export function armLabel(spec: Spec, arm: 'control' | 'treatment'): string {
  if (!(spec.blind && spec.phase === 'interim')) return arm === 'control' ? 'Control' : 'Treatment';
  const swap = createHash('sha256').update(`${spec.deck.title}\u0000${spec.deck.date}`).digest()[0] % 2 === 1;
  return (arm === 'control') !== swap ? 'Arm A' : 'Arm B';
}
