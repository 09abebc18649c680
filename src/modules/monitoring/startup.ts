import type { Deps } from '../../platform/deps.js';
import { scheduleDailySweep } from './use-cases/schedule-daily-sweep.js';

/** Startup task for `serve`: registers the daily sweep timer (02:00 China time; unref'd). */
export async function startMonitoringSchedule(deps: Deps): Promise<void> {
  scheduleDailySweep(deps, {
    onResult: (r) => {
      if (r instanceof Error) console.error(`daily sweep failed: ${r.message}`);
      else console.log(`daily sweep ${r.asOf}: clues created ${r.cluesCreated}, updated ${r.cluesUpdated}, resolved ${r.cluesResolved} (${r.ms} ms)`);
    },
  });
}
