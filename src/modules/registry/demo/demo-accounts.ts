import type { Deps } from '../../../platform/deps.js';
import { createUser, systemActor, type Role } from '../../access/index.js';
import { listDivisionSubtree, shortVillageName } from '../../divisions/index.js';
import { DEMO_CALIBRATION } from './calibration.js';

/** The password of every demo account (printed at the first start; change or disable the accounts in production). */
export const DEMO_PASSWORD = 'ruralbridge-demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scopePrefix: string;
  scopeName: string;
}

/**
 * One account per role: county administrator and reviewer, expert, analyst and auditor for the whole
 * county; a township officer for the first rural township (镇/乡); a village cadre and a task-force
 * member for that township's first village. Existing usernames are left as they are.
 */
export async function createDemoAccounts(deps: Deps): Promise<DemoAccount[]> {
  const county = DEMO_CALIBRATION.countyCode;
  const divisions = await listDivisionSubtree(deps, county, [3, 4, 5]);
  const countyName = divisions.find((d) => d.prefix === county)?.name ?? county;
  const township = divisions.find((d) => d.level === 4 && /[镇乡]$/.test(d.name) && divisions.some((v) => v.parentCode === d.code && v.name.includes('村民委员会')));
  const village = township && divisions.find((v) => v.parentCode === township.code && v.name.includes('村民委员会'));
  if (!township || !village) throw new Error(`no rural township with villages in ${county}: load the divisions first`);
  const villageName = shortVillageName(village.name);
  const accounts: DemoAccount[] = [
    { username: 'county_admin', displayName: `${countyName}管理员`, role: 'county_admin', scopePrefix: county, scopeName: countyName },
    { username: 'county_reviewer', displayName: `${countyName}审核员`, role: 'county_reviewer', scopePrefix: county, scopeName: countyName },
    { username: 'township_officer', displayName: `${township.name}干部`, role: 'township_officer', scopePrefix: township.prefix, scopeName: township.name },
    { username: 'village_cadre', displayName: `${villageName}村干部`, role: 'village_cadre', scopePrefix: village.prefix, scopeName: `${township.name}${villageName}` },
    { username: 'task_force', displayName: `${villageName}驻村工作队员`, role: 'task_force', scopePrefix: village.prefix, scopeName: `${township.name}${villageName}` },
    { username: 'expert', displayName: '帮扶专家', role: 'expert', scopePrefix: county, scopeName: countyName },
    { username: 'analyst', displayName: '统计分析员', role: 'analyst', scopePrefix: county, scopeName: countyName },
    { username: 'auditor', displayName: '审计员', role: 'auditor', scopePrefix: county, scopeName: countyName },
  ];
  const existing = new Set((await deps.store.db.selectFrom('app_user').select('username').where('username', 'in', accounts.map((a) => a.username)).execute()).map((u) => u.username));
  for (const a of accounts) {
    if (existing.has(a.username)) continue;
    await createUser(deps, systemActor('seed'), { username: a.username, displayName: a.displayName, password: DEMO_PASSWORD, role: a.role, scopePrefix: a.scopePrefix });
  }
  return accounts;
}

/** The accounts as a printable table. */
export function formatDemoAccounts(accounts: DemoAccount[]): string {
  const rows = [['username', 'role', 'scope', 'name'], ...accounts.map((a) => [a.username, a.role, `${a.scopePrefix} ${a.scopeName}`, a.displayName])];
  const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  const line = (r: string[]) => r.map((cell, c) => cell + ' '.repeat(cols[c] - width(cell))).join('  ');
  return [line(rows[0]), cols.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line), `password for all demo accounts: ${DEMO_PASSWORD}`].join('\n');
}
