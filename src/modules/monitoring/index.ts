/**
 * The monitoring module's public surface: contract types, reading and changing risk clues (used by
 * the cases module), re-evaluation of households (used by the registry after edits and imports),
 * the sweep, risk events, routes, CLI and the startup schedule.
 */
import './messages.js';

export * from './contract.js';
export { getClue, getClueIn } from './use-cases/get-clue.js';
export { takeClueIntoCase, closeClueIn, closeClue } from './use-cases/change-clue-status.js';
export { reevaluateHouseholds, reevaluateHouseholdsIn, type ReevaluationResult } from './use-cases/reevaluate-households.js';
export { runSweep } from './use-cases/run-sweep.js';
export { followRegistryChanges, reevaluateAfterRegistryChange, IMPORT_REEVALUATION_LIMIT } from './use-cases/follow-registry-changes.js';
export { scheduleDailySweep } from './use-cases/schedule-daily-sweep.js';
export { listClues, clueStats } from './use-cases/list-clues.js';
export { RULES } from './domain/rules/index.js';
export { evaluateHousehold, groupByRisk } from './domain/evaluate.js';
export type { HouseholdFacts, RuleFiring } from './domain/facts.js';
export { registerMonitoringRoutes } from './http.js';
export { registerMonitoringCommands } from './cli.js';
export { startMonitoringSchedule } from './startup.js';
