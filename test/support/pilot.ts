// The call-volume pilot deck in each phase, from the reference folder, with the phase's data replaced where a
// test needs other numbers (e.g. interim data in which treatment clearly wins on every efficacy metric).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDeck } from './decks.js';

export const PILOT = join(import.meta.dirname, '..', '..', 'decks', 'call-volume-pilot');

/** Data in which treatment clearly wins on every efficacy metric (efficacy rows included, as a careless extract would). */
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

/** Data in which win rate falls: the pre-registered Stop rule holds. */
export const LOSING_DATA = WINNING_DATA.replace('win_rate,double_calls,all,700,2000', 'win_rate,double_calls,all,330,2000').replace('win_rate,double_calls,tenure=new,290,800', 'win_rate,double_calls,tenure=new,120,800');

type Phase = 'design' | 'interim' | 'final';
const DATA_FILE: Record<Exclude<Phase, 'design'>, string> = { interim: 'data/interim-week-3.csv', final: 'data/final.csv' };

/**
 * A copy of the pilot folder set to `phase`, its phase's data replaced by `data` when given; `extra` edits the YAML.
 * The phase is written into the spec (as a lead moves it along), not passed on the command line.
 */
export function pilotDeck(phase: Phase, data?: string, extra = (y: string) => y) {
  const deck = tempDeck((y) => extra(y.replace(/^phase: design$/m, `phase: ${phase}`)), PILOT);
  if (data && phase !== 'design') writeFileSync(join(deck.dir, DATA_FILE[phase]), data + '\n');
  return deck;
}

/** The interim deck built from data in which treatment clearly wins. */
export function interimDeck(extra = (y: string) => y) {
  return pilotDeck('interim', WINNING_DATA, extra);
}
