// Pins the public surface, so an accidental export or removal shows in review.
import { expect, it } from 'vitest';
import * as stats from '../../src/stats/index.js';

it('exports exactly these names', () => {
  expect(Object.keys(stats).sort()).toEqual([
    'DEFAULT_RESAMPLES', 'DEFAULT_SEED', 'SRM_THRESHOLD', 'analyze', 'benjaminiHochberg', 'bootstrapQuantileDiff',
    'bootstrapQuantileDraws', 'deltaLogRatio', 'designEffect', 'diffProportions', 'fiellerG', 'fiellerRatio', 'garwoodRate',
    'holm', 'meanInterval', 'median', 'minimumDetectableEffect', 'newcombeDiff', 'powerTwoProportions', 'proportion',
    'quantile', 'quantileSorted', 'rateDifference', 'rateRatio', 'relativeChange', 'sampleRatioMismatch', 'sampleSize',
    'sortedCopy', 'summaryFromSums', 'twoProportionZTest', 'waldDiff', 'waldProportion', 'welchDiff', 'widen', 'wilson', 'zFor',
  ]);
});
