/** evaluation/indicators: revitalisation indicator systems and values, ranking and coupling (public surface). */
export { registerIndicatorRoutes } from './http.js';
export { registerIndicatorCommands } from './cli.js';
export { seedDemoIndicatorValues, DEMO_INDICATOR_YEARS } from './use-cases/seed-demo-indicator-values.js';
export { rankDivisions } from './use-cases/rank-divisions.js';
export { evaluateRevitalisationCoupling } from './use-cases/evaluate-revitalisation-coupling.js';
export { importIndicatorValues } from './use-cases/import-indicator-values.js';
export { defaultIndicatorSystem } from './domain/default-system.js';
export * from './contract.js';
