/** evaluation: measures applied to the registry (income poverty by division and year). */
export { evaluateIncomePoverty } from './use-cases/evaluate-income-poverty.js';
export { registerEvaluationRoutes } from './http.js';
export { registerEvaluationCommands } from './cli.js';
export * from './contract.js';
export { evaluateMpi } from './use-cases/evaluate-mpi.js';
export { getMpiSpec, setMpiSpec, shippedMpiSpec } from './use-cases/mpi-spec.js';
