/**
 * The parameters of the demo county generator, copied from the project's calibration reference
 * (shared/reference/calibration.json, `generator` and `hezhang` sections; most values there are
 * quality "assumed" — see calibration.md). Kept in code so a fresh clone runs without the reference
 * folder; calibration.test.ts checks them against the reference file when it is present. Yuan.
 */
export const DEMO_CALIBRATION = {
  countyCode: '520527',
  /**
   * Households at scale 1: registered (户籍) rural households, not resident ones. The platform's 户 is
   * the registered household with migrant workers as members (calibration generator.ruralHouseholds:
   * registered 185,000 ≈ 68万 rural registered persons / 3.68; resident 147,000).
   */
  householdsAtScale1: 185_000,
  householdSize: { 1: 0.1, 2: 0.18, 3: 0.2, 4: 0.22, 5: 0.15, 6: 0.09, 7: 0.04, 8: 0.013, 9: 0.005, 10: 0.002 } as Record<number, number>,
  ageBands: { '0-5': 0.08, '6-15': 0.17, '16-24': 0.11, '25-44': 0.27, '45-59': 0.2, '60-64': 0.05, '65-79': 0.1, '80+': 0.02 } as Record<string, number>,
  sexRatio: 104.7,
  ethnicity: { han: 0.75, yi: 0.11, miao: 0.1, hui: 0.02, bai: 0.01, buyi: 0.005, other: 0.005 } as Record<string, number>,
  educationAdults: { noneOrIlliterate: 0.12, primary: 0.4, juniorSecondary: 0.33, seniorSecondary: 0.08, collegePlus: 0.07 },
  formerlyPoorShare: 0.25,
  relocatedGivenFormerlyPoor: 0.163,
  relocatedGivenGeneral: 0.015,
  dibaoGivenFormerlyPoor: 0.25,
  dibaoGivenGeneral: 0.05,
  hasMigrantWorker: { general: 0.55, formerlyPoor: 0.65 },
  /** Rural per-capita income index of the county (generator.income.targetMeanPerCapita). */
  targetMeanPerCapita: { 2020: 10710, 2021: 11830, 2022: 12610, 2023: 13630, 2024: 14540, 2025: 15500 } as Record<number, number>,
  groupTargetMeans2023: { general: 13860, formerlyPoor: 12950 },
  /** The `administrative` preset of generator.income.componentModel (platform records, 家庭人均纯收入). */
  income: {
    latentSigma: 0.15,
    noWageTransferMultiplier: 2.4,
    general: {
      wage: { inputShare: 0.468, pPositive: 0.86, sigmaLog: 0.5 },
      business: { inputShare: 0.312, pPositive: 0.9, sigmaLog: 0.65 },
      property: { inputShare: 0.016, pPositive: 0.3, sigmaLog: 1.0 },
      transfer: { inputShare: 0.204, pPositive: 1.0, sigmaLog: 0.45 },
    },
    formerlyPoor: {
      wage: { inputShare: 0.687, pPositive: 0.9, sigmaLog: 0.45 },
      business: { inputShare: 0.103, pPositive: 0.65, sigmaLog: 0.8 },
      property: { inputShare: 0.021, pPositive: 0.55, sigmaLog: 0.8 },
      transfer: { inputShare: 0.189, pPositive: 1.0, sigmaLog: 0.45 },
    },
  },
  /** Per household per year (prevalence for disability and lack of labour), general / formerly poor. */
  risk: {
    seriousIllness: { general: 0.04, formerlyPoor: 0.07 },
    disabilityInHousehold: { general: 0.21, formerlyPoor: 0.3 },
    educationBurden: { general: 0.06, formerlyPoor: 0.08 },
    naturalDisaster: { general: 0.03, formerlyPoor: 0.04 },
    accident: { general: 0.015, formerlyPoor: 0.02 },
    employmentInstability: { general: 0.05, formerlyPoor: 0.07 },
    lackOfLabour: { general: 0.08, formerlyPoor: 0.15 },
    industryFailure: { general: 0.01, formerlyPoor: 0.015 },
    housingOrWater: { general: 0.005, formerlyPoor: 0.01 },
  },
  personPrevalence: { disabledRural: 0.084, chronicDisease15plus: 0.343, chronicDisease65plus: 0.54 },
} as const;

export type GroupKey = 'general' | 'formerlyPoor';
