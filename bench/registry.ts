/** The benchmarks `npm run bench` runs, in order. Add a module here to measure something new. */
export interface Bench {
  name: string;
  /** Figures with their unit in the key, e.g. `store_open_1000_profiles_ms`. */
  run(): Promise<Record<string, number>>;
}

import { profilesBench } from './profiles';
import { apiConsoleBench } from './apiConsole';

export const benches: Bench[] = [profilesBench, apiConsoleBench];
