/**
 * The assistance module's public surface: plans (一户一策), measures, risk → measure mapping.
 *
 * Published read-only view (migration 0007, read-only since 0011): assistance_household_summary
 * (household_id, village_code, measures, implemented, started): the cases module's elimination guard
 * reads it, since cases may not import assistance (docs/decisions/0005-reads-across-modules.md).
 */
import './messages.js';

export * from './contract.js';
export { MEASURE_CATEGORIES, MEASURE_STATUSES, DEVELOPMENTAL, type MeasureCategory, type MeasureStatus } from './domain/enums.js';
export { suggestMeasures, uncoveredRisks } from './domain/suggest.js';
export { createPlan } from './use-cases/create-plan.js';
export { getPlan, findPlanView } from './use-cases/get-plan.js';
export { addMeasure } from './use-cases/add-measure.js';
export { setMeasureStatus } from './use-cases/set-measure-status.js';
export { updateMeasure } from './use-cases/update-measure.js';
export { recordEffect } from './use-cases/record-effect.js';
export { getMapping, setMapping } from './use-cases/mapping.js';
