import { runMeasuresBench } from './measures.js';
import { runImportBench } from './import.js';
import { runMonitoringBench } from './monitoring.js';
import { runSearchBench } from './search.js';
import { runCasesBench } from './cases.js';
import { runFirstStartBench } from './first-start.js';

/** The benchmarks `npm run bench` knows, by name. Each adds one line here. */
export const benchmarks: Record<string, () => Promise<void>> = {
  measures: runMeasuresBench,
  import: runImportBench,
  monitoring: runMonitoringBench,
  search: runSearchBench,
  cases: runCasesBench,
  'first-start': runFirstStartBench,
};
