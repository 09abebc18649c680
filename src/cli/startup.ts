import type { Deps } from '../platform/deps.js';
import { seedDemoOnFirstStart } from '../modules/registry/index.js';
import { startMonitoringSchedule } from '../modules/monitoring/startup.js';
import { startImportUploadCleanup } from '../modules/registry/import-export/index.js';

/**
 * Work done by `serve` before it listens, in order (e.g. load the demo county's divisions, seed the
 * demo households and accounts on an empty database). Modules add their task here.
 */
export type StartupTask = (deps: Deps, options: { seed: boolean }) => Promise<void>;
export const startupTasks: StartupTask[] = [
  seedDemoOnFirstStart,
  startMonitoringSchedule,
  startImportUploadCleanup, // deletes household-import uploads never committed, at start and hourly
];
