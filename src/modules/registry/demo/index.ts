/** The demo county generator: public surface (registered in ../index.ts). */
export { DEMO_CALIBRATION } from './calibration.js';
export { createRng, hashString, type Rng } from './prng.js';
export { generateDemoCounty, planVillages, ethnicMixByTownship, type DemoCountyInput, type DemoHousehold, type DemoVillage, type VillagePlan } from './generate-demo-county.js';
export { DemoStatsCollector, type DemoStats } from './demo-stats.js';
export { seedDemo, toDemoVillages, type SeedDemoOptions, type SeedDemoReport } from './seed-demo.js';
export { createDemoAccounts, formatDemoAccounts, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.js';
export { seedDemoOnFirstStart, DEFAULT_DEMO_SCALE, DEFAULT_DEMO_SEED } from './startup-task.js';
export { registerDemoCommands } from './cli.js';
