import type { FastifyInstance } from 'fastify';
import { registerRegistryRoutes } from '../modules/registry/http.js';
import { registerParameterRoutes } from '../modules/parameters/http.js';
import { registerMonitoringRoutes } from '../modules/monitoring/http.js';
import { registerDivisionRoutes } from '../modules/divisions/index.js';
import { registerAuditRoutes } from '../modules/audit/http.js';
import { registerImportExportRoutes } from '../modules/registry/import-export/index.js';
import { registerCasesRoutes } from '../modules/cases/http.js';
import { registerAssistanceRoutes } from '../modules/assistance/http.js';
import { registerEvaluationRoutes } from '../modules/evaluation/index.js';

/**
 * Each module's HTTP routes, registered in this order. A module adds one line here: its
 * `registerXxxRoutes` from `modules/<m>/http.ts`. (Access routes are registered first by app.ts.)
 */
export const routeModules: Array<(app: FastifyInstance) => Promise<void>> = [
  registerRegistryRoutes,
  registerParameterRoutes,
  registerMonitoringRoutes,
  registerDivisionRoutes,
  registerAuditRoutes,
  registerImportExportRoutes,
  registerCasesRoutes,
  registerAssistanceRoutes,
  registerEvaluationRoutes,
];
