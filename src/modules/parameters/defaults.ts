import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatedValues } from './domain/dated-value.js';

/**
 * The shipped parameter defaults: one JSON file per parameter in ./defaults, the file name is the
 * parameter id (monitoring.income-margin.json → `monitoring.income-margin`); the monitoring threshold
 * keeps its original file name. Each file is validated on load; a bad file names itself and the key.
 */
const DIR = fileURLToPath(new URL('./defaults/', import.meta.url));

export const PARAMETER_UNITS = ['yuan', 'yuan/person/year', 'share', 'days', 'working_days', 'months', 'years', 'minutes', 'litres_per_person_day', 'count'] as const;

const ParameterFileSchema = z.object({
  description: z.string(),
  metadata: z.object({
    label: z.object({ zh: z.string(), en: z.string() }),
    unit: z.enum(PARAMETER_UNITS),
    reference: z.array(z.object({ title: z.string(), href: z.string() })).min(1),
  }),
  values: z.record(z.string().regex(/^(\d{2}|000000)$/), z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number())),
});

export interface ParameterDefinition {
  id: string;
  description: string;
  label: { zh: string; en: string };
  unit: (typeof PARAMETER_UNITS)[number];
  reference: { title: string; href: string }[];
  values: DatedValues;
}

const FILE_IDS: Record<string, string> = { 'monitoring-threshold.json': 'monitoring.income-threshold' };

function load(): Map<string, ParameterDefinition> {
  const map = new Map<string, ParameterDefinition>();
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()) {
    const id = FILE_IDS[file] ?? file.replace(/\.json$/, '');
    const parsed = ParameterFileSchema.safeParse(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`parameter file defaults/${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const d = parsed.data;
    map.set(id, { id, description: d.description, label: d.metadata.label, unit: d.metadata.unit, reference: d.metadata.reference, values: d.values });
  }
  return map;
}

export const PARAMETERS: ReadonlyMap<string, ParameterDefinition> = load();

export function parameterDefinition(id: string): ParameterDefinition | undefined {
  return PARAMETERS.get(id);
}
