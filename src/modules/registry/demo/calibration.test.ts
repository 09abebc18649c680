import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_CALIBRATION as C } from './calibration.js';

// The project's calibration reference lives beside the repository (../shared/reference); a plain clone may not have it.
const REFERENCE = fileURLToPath(new URL('../../../../../shared/reference/calibration.json', import.meta.url));

describe('DEMO_CALIBRATION', () => {
  it.skipIf(!existsSync(REFERENCE))('copies the values of the calibration reference', () => {
    const ref = JSON.parse(readFileSync(REFERENCE, 'utf8'));
    const g = ref.generator;
    expect(C.householdsAtScale1).toBe(g.ruralHouseholds.value.registered);
    expect(C.householdSize).toEqual(g.householdSizeRegistered.value);
    expect(C.ageBands).toEqual(g.ageBands.value);
    expect(C.sexRatio).toBe(g.sexRatio.value);
    expect(C.ethnicity).toEqual(g.ethnicity.value);
    expect(C.formerlyPoorShare).toBe(g.formerlyPoorShare.value);
    expect(C.relocatedGivenFormerlyPoor).toBe(g.relocatedGivenFormerlyPoor.value);
    expect(C.hasMigrantWorker).toEqual(g.hasMigrantWorker.value);
    expect(Object.fromEntries(Object.entries(C.targetMeanPerCapita).map(([k, v]) => [k, v]))).toEqual(g.income.targetMeanPerCapita.value);
    expect(C.groupTargetMeans2023).toEqual(g.income.groupTargetMeans2023.value);
    const preset = g.income.componentModel.value.presets.administrative;
    expect(C.income.latentSigma).toBe(preset.latentSigma);
    for (const group of ['general', 'formerlyPoor'] as const)
      for (const c of ['wage', 'business', 'property', 'transfer'] as const) expect(C.income[group][c]).toEqual({ inputShare: preset[group][c].inputShare, pPositive: preset[group][c].pPositive, sigmaLog: preset[group][c].sigmaLog });
    for (const [k, v] of Object.entries(C.risk)) expect({ general: v.general, formerlyPoor: v.formerlyPoor }).toEqual({ general: g.risk.annualIncidence.value[k].general, formerlyPoor: g.risk.annualIncidence.value[k].formerlyPoor });
  });
});
