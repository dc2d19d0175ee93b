// The call-volume pilot deck at interim, with data in which treatment clearly wins on every efficacy metric.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDeck } from './decks.js';

export const PILOT = join(import.meta.dirname, '..', '..', 'decks', 'call-volume-pilot');

/** Interim data in which treatment clearly wins on every efficacy metric. */
export const WINNING_DATA = [
  'metric,arm,segment,successes,n,mean,sd,events,exposure',
  'win_rate,business_as_usual,all,400,2000,,,,',
  'win_rate,double_calls,all,700,2000,,,,',
  'win_rate,business_as_usual,tenure=new,150,800,,,,',
  'win_rate,double_calls,tenure=new,290,800,,,,',
  'stage_progression,business_as_usual,all,900,3000,,,,',
  'stage_progression,double_calls,all,1350,3000,,,,',
  'meeting_set_rate,business_as_usual,all,300,1500,,,,',
  'meeting_set_rate,double_calls,all,480,1500,,,,',
  'cycle_days,business_as_usual,all,,2000,41.5,12,,',
  'cycle_days,double_calls,all,,2000,33.2,11,,',
  'complaint_rate,business_as_usual,all,,,,,40,20000',
  'complaint_rate,double_calls,all,,,,,46,40000',
  'connect_rate,business_as_usual,all,6000,20000,,,,',
  'connect_rate,double_calls,all,11800,40000,,,,',
  'overtime_share,business_as_usual,all,40,1000,,,,',
  'overtime_share,double_calls,all,60,1000,,,,',
  'calls_per_rep_day,business_as_usual,all,,2500,31.0,8,,',
  'calls_per_rep_day,double_calls,all,,2500,60.5,10,,',
  'treatment_compliance,business_as_usual,all,0,2500,,,,',
  'treatment_compliance,double_calls,all,2150,2500,,,,',
].join('\n');

export function interimDeck(extra = (y: string) => y) {
  const deck = tempDeck((y) => extra(y.replace(/^phase: design$/m, 'phase: interim').replace(/^blind: true$/m, 'blind: true\nmetrics_file: metrics.csv')), PILOT);
  writeFileSync(join(deck.dir, 'metrics.csv'), WINNING_DATA + '\n');
  return deck;
}

