/** Household import and export: public surface of registry/import-export. */
export { registerImportExportRoutes } from './http.js';
export { registerImportExportCommands } from './cli.js';
export { importHouseholds, type ImportInput, type ImportSummary, type ImportProgress } from './use-cases/import-households.js';
export { exportHouseholds, type ExportInput, type ExportResult, type ExportFormat } from './use-cases/export-households.js';
export { buildTemplateCsv, buildTemplateXlsx } from './use-cases/build-template.js';
export { waitForImportJob, purgeExpiredImportUploads, startImportUploadCleanup } from './use-cases/import-jobs.js';
export { PEOPLE_COLUMNS, INCOME_COLUMNS, type ColumnSpec } from './domain/columns.js';
export { ImportJobSchema, ImportSummarySchema, type ImportJobBody } from './contract.js';
