/**
 * The monitoring module's public surface: contract types, reading and changing risk clues (used by
 * the cases module), re-evaluation of households (used by the registry after edits and imports),
 * the sweep, thresholds.
 */
export * from './contract.js';
export { getClue, getClueIn } from './use-cases/get-clue.js';
export { takeClueIntoCase, closeClueIn, closeClue } from './use-cases/change-clue-status.js';
