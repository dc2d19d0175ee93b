// Why an interim report shows no efficacy read (seed: pilot-instead-of-mandate): the hint of every
// error that refuses a peek, in the spec or in a template.

/** Why interim reports show no efficacy: the seed's reasoning, for messages and slides. */
export const NO_PEEKING =
  'Interim reports show participation, compliance, safety and data quality only. Early peeks at efficacy raise the false-positive risk: with a partial sample a swing of two or three won deals can flip the sign, and a directional "win" published mid-pilot is hard to take back. Efficacy is read once, at the pre-registered end (MDE reached or maximum duration).';
