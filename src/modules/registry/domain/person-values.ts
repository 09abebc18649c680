import type { Person, PersonInput } from '../contract.js';
import type { ResolvedIdentity } from './validate-household.js';

/**
 * A member as stored, from validated input and the identity read from the ID number. Pure. Fields
 * left out take the registry defaults (汉族, healthy, medical insurance, no pension insurance ...).
 */
export interface PersonFields {
  name: string;
  id_number: string;
  gender: 'M' | 'F';
  birth_date: string;
  relation: string;
  ethnicity: string;
  education: string | null;
  student_status: string | null;
  health_status: string;
  labor_skill: string;
  migrant_months: number;
  migrant_place: string | null;
  has_medical_insurance: boolean;
  has_pension_insurance: boolean;
  is_dibao: boolean;
  is_tekun: boolean;
  public_welfare_job: boolean;
}

export function personFields(input: PersonInput, identity: ResolvedIdentity): PersonFields {
  return {
    name: input.name.trim(),
    id_number: identity.idNumber,
    gender: identity.gender,
    birth_date: identity.birthDate,
    relation: input.relation,
    ethnicity: input.ethnicity ?? '汉族',
    education: input.education ?? null,
    student_status: input.studentStatus ?? null,
    health_status: input.healthStatus ?? 'HEALTHY',
    labor_skill: input.laborSkill,
    migrant_months: input.migrantMonths ?? 0,
    migrant_place: input.migrantPlace ?? null,
    has_medical_insurance: input.hasMedicalInsurance ?? true,
    has_pension_insurance: input.hasPensionInsurance ?? false,
    is_dibao: input.isDibao ?? false,
    is_tekun: input.isTekun ?? false,
    public_welfare_job: input.publicWelfareJob ?? false,
  };
}

/** What the audit trail keeps of a member (full ID number: the audit view is for auditors and administrators). */
export function personSnapshot(p: Person): Omit<Person, 'idNumberMasked' | 'householdId'> {
  const { idNumberMasked: _m, householdId: _h, ...rest } = p;
  return rest;
}
