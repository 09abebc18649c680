import { AuditOutlined, CloudUploadOutlined, DashboardOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import type { Role } from './features/access/api';
import { FileSearchOutlined } from '@ant-design/icons';
import './features/cases/i18n';
import './features/monitoring/i18n';
import './features/evaluation/poverty-i18n';
import { FundOutlined } from '@ant-design/icons';
import './features/evaluation/RevitalisationI18n';
import { ApartmentOutlined, RadarChartOutlined } from '@ant-design/icons';
import { AlertOutlined, FileExcelOutlined } from '@ant-design/icons';
import './features/monitoring/i18n-pages';
import { CustomerServiceOutlined, FireOutlined, MonitorOutlined, SolutionOutlined } from '@ant-design/icons';

/**
 * The single route table of the web app. Each feature adds ONE line here: its path, its lazily
 * loaded page (so every page is its own chunk and the first load stays small), an optional side-menu
 * entry (label is an i18n key) and the roles that may open it (omitted = every signed-in user).
 */
export interface AppRoute {
  path: string;
  page: LazyPage;
  menu?: { labelKey: string; icon: ReactNode };
  roles?: readonly Role[];
}

export type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/** `lazy()` for a named export, with `preload()` to start fetching the chunk early. */
export function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyPage {
  let loading: Promise<M> | null = null;
  const preload = () => (loading ??= load());
  return Object.assign(lazy(async () => ({ default: (await preload())[name] as ComponentType })), { preload });
}

/** Starts loading the page chunk of a path (called at start-up, in parallel with the session check). */
export function preloadRoute(pathname: string): void {
  const route = appRoutes.find((r) => matchPath(r.path, pathname));
  void route?.page.preload().catch(() => undefined);
}

const ADMIN: readonly Role[] = ['county_admin'];
const AUDIT: readonly Role[] = ['county_admin', 'auditor'];
/** Everyone who may see personal data (analysts see aggregates only). */
const PERSONAL: readonly Role[] = ['county_admin', 'county_reviewer', 'township_officer', 'village_cadre', 'task_force', 'expert', 'auditor'];

export const appRoutes: AppRoute[] = [
  { path: '/', page: page(() => import('./features/dashboard/DashboardPage'), 'DashboardPage'), menu: { labelKey: 'nav.dashboard', icon: <DashboardOutlined /> } },
  { path: '/households', page: page(() => import('./features/registry/HouseholdListPage'), 'HouseholdListPage'), menu: { labelKey: 'nav.households', icon: <TeamOutlined /> }, roles: PERSONAL },
  { path: '/households/:id', page: page(() => import('./features/registry/HouseholdProfilePage'), 'HouseholdProfilePage'), roles: PERSONAL },
  { path: '/import', page: page(() => import('./features/imports/ImportWizardPage'), 'ImportWizardPage'), menu: { labelKey: 'nav.import', icon: <CloudUploadOutlined /> }, roles: ADMIN },
  { path: '/audit', page: page(() => import('./features/audit/AuditPage'), 'AuditPage'), menu: { labelKey: 'nav.audit', icon: <AuditOutlined /> }, roles: AUDIT },
  { path: '/users', page: page(() => import('./features/access/UsersPage'), 'UsersPage'), menu: { labelKey: 'nav.users', icon: <UserOutlined /> }, roles: ADMIN },
  { path: '/cases', page: page(() => import('./features/cases/CaseQueuePage'), 'CaseQueuePage'), menu: { labelKey: 'nav.cases', icon: <FileSearchOutlined /> }, roles: ['county_admin', 'county_reviewer', 'township_officer', 'village_cadre', 'task_force', 'auditor'] },
  { path: '/clues', page: page(() => import('./features/monitoring/ClueListPage'), 'ClueListPage'), menu: { labelKey: 'nav.clues', icon: <AlertOutlined /> }, roles: ['county_admin', 'county_reviewer', 'township_officer', 'village_cadre', 'task_force', 'auditor'] },
  { path: '/monitoring', page: page(() => import('./features/monitoring/MonitoringDashboardPage'), 'MonitoringDashboardPage'), menu: { labelKey: 'nav.monitoringDashboard', icon: <MonitorOutlined /> } },
  { path: '/monitoring/events', page: page(() => import('./features/monitoring/RiskEventsPage'), 'RiskEventsPage'), menu: { labelKey: 'nav.riskEvents', icon: <FireOutlined /> }, roles: ['county_admin', 'county_reviewer', 'township_officer', 'village_cadre', 'task_force', 'auditor'] },
  { path: '/monitoring/visit', page: page(() => import('./features/monitoring/VisitPage'), 'VisitPage'), menu: { labelKey: 'nav.visit', icon: <SolutionOutlined /> }, roles: ['county_admin', 'township_officer', 'village_cadre', 'task_force'] },
  { path: '/monitoring/feedback', page: page(() => import('./features/monitoring/FeedbackPage'), 'FeedbackPage'), menu: { labelKey: 'nav.feedback', icon: <CustomerServiceOutlined /> }, roles: ['county_admin', 'township_officer', 'village_cadre'] },
  { path: '/department-imports', page: page(() => import('./features/monitoring/DepartmentImportPage'), 'DepartmentImportPage'), menu: { labelKey: 'nav.departmentImport', icon: <FileExcelOutlined /> }, roles: ADMIN },
  { path: '/evaluation/poverty', page: page(() => import('./features/evaluation/PovertyPage'), 'PovertyPage'), menu: { labelKey: 'nav.evaluationPoverty', icon: <FundOutlined /> }, roles: ['county_admin', 'county_reviewer', 'township_officer', 'expert', 'analyst', 'auditor'] },
  { path: '/evaluation/revitalisation', page: page(() => import('./features/evaluation/RevitalisationPage'), 'RevitalisationPage'), menu: { labelKey: 'nav.evaluationRevitalisation', icon: <RadarChartOutlined /> }, roles: ['county_admin', 'county_reviewer', 'township_officer', 'expert', 'analyst', 'auditor'] },
  { path: '/evaluation/indicators', page: page(() => import('./features/evaluation/IndicatorSystemPage'), 'IndicatorSystemPage'), menu: { labelKey: 'nav.evaluationIndicators', icon: <ApartmentOutlined /> }, roles: ['county_admin', 'county_reviewer', 'township_officer', 'expert', 'analyst', 'auditor'] },
  { path: '/assistance/:householdId', page: page(() => import('./features/assistance/AssistancePlanPage'), 'AssistancePlanPage'), roles: ['county_admin', 'county_reviewer', 'township_officer', 'village_cadre', 'task_force', 'auditor'] },
  { path: '/cases/:id', page: page(() => import('./features/cases/CasePage'), 'CasePage'), roles: ['county_admin', 'county_reviewer', 'township_officer', 'village_cadre', 'task_force', 'auditor'] },
];
