import type { Command } from 'commander';
import { registerDemoCommands } from '../modules/registry/demo/index.js';
import { registerRegistryCommands } from '../modules/registry/cli.js';
import { registerParameterCommands } from '../modules/parameters/cli.js';
import { registerMonitoringCommands } from '../modules/monitoring/cli.js';
import { registerDivisionCommands } from '../modules/divisions/index.js';
import { registerAccessCommands } from '../modules/access/cli.js';
import { registerAuditCommands } from '../modules/audit/cli.js';
import { registerMeasuresCommands } from '../modules/measures/cli.js';
import { registerImportExportCommands } from '../modules/registry/import-export/index.js';
import { registerCasesCommands } from '../modules/cases/cli.js';
import { registerEvaluationCommands } from '../modules/evaluation/index.js';
import { registerIndicatorCommands } from '../modules/evaluation/indicators/index.js';
import { followRegistryChanges } from '../modules/monitoring/index.js';

/**
 * Each module's CLI commands: a module adds one line here, its `registerXxxCommands` from
 * `modules/<m>/cli.ts`. Core commands (serve, db) live in main.ts.
 */
export const commandModules: Array<(program: Command) => void> = [
  registerRegistryCommands,
  registerParameterCommands,
  registerMonitoringCommands,
  registerDivisionCommands,
  registerAccessCommands,
  registerAuditCommands,
  registerMeasuresCommands,
  registerImportExportCommands,
  registerCasesCommands,
  registerDemoCommands,
  registerEvaluationCommands,
  registerIndicatorCommands,
  followRegistryChanges, // not commands: monitoring re-evaluates households after registry edits and imports run from the CLI
];
