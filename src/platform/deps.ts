import type { Store } from './db.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';

/** What use cases get from the outside world. Tests build it with openTestStore() and a FixedClock. */
export interface Deps {
  store: Store;
  clock: Clock;
  config: Config;
}
