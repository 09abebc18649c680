import type { Rule } from '../facts.js';
import { incomeLowRule } from './income-low.js';
import { incomeDropRule } from './income-drop.js';
import { medicalExpenseRule } from './medical-expense.js';
import { riskEventRule } from './risk-event.js';
export { EVENT_RISK } from './risk-event.js';
import { migrantWorkLossRule } from './migrant-work-loss.js';
import { unsafeHousingRule } from './unsafe-housing.js';
import { unsafeWaterRule } from './unsafe-water.js';
import { schoolDropoutRule } from './school-dropout.js';
import { seriousIllnessRule } from './serious-illness.js';
import { disabilityRule } from './disability.js';
import { noLabourRule } from './no-labour.js';

/** Every early-warning rule, in evaluation order. Add a rule: one file here plus one line below. */
export const RULES: readonly Rule[] = [
  incomeLowRule,
  incomeDropRule,
  medicalExpenseRule,
  riskEventRule,
  migrantWorkLossRule,
  unsafeHousingRule,
  unsafeWaterRule,
  schoolDropoutRule,
  seriousIllnessRule,
  disabilityRule,
  noLabourRule,
];

/** Every parameter any rule reads. */
export const RULE_PARAMETERS: readonly string[] = [...new Set(RULES.flatMap((r) => r.parameters))].sort();
