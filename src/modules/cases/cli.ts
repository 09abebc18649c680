import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Deps } from '../../platform/deps.js';
import { invalidInput } from '../../platform/errors.js';
import { withRuntime } from '../../cli/run.js';
import { systemActor, type Actor, type Role } from '../access/index.js';
import { CASE_STATUSES } from './domain/enums.js';
import { TransitionRequestSchema } from './contract.js';
import './messages.js';
import { listCases } from './use-cases/list-cases.js';
import { getCasePage } from './use-cases/get-case-page.js';
import { transitionCase } from './use-cases/transition-case.js';
import { setCalendarDay } from './use-cases/set-calendar-day.js';

/**
 * The acting person for a CLI command: steps of the procedure are taken by a named user (their role,
 * scope and the four-eyes rule apply); without --as the operator acts as the system (read-only here).
 */
async function actorFor(deps: Deps, username: string | undefined): Promise<Actor> {
  if (!username) return systemActor('cli');
  const u = await deps.store.db.selectFrom('app_user').select(['id', 'display_name', 'role', 'scope_prefix', 'disabled']).where('username', '=', username).executeTakeFirst();
  if (!u || u.disabled) throw invalidInput(`no active user ${username}`, [{ path: '--as', message: 'unknown or disabled user', value: username }]);
  return { userId: u.id, name: u.display_name, role: u.role as Role, scopePrefix: u.scope_prefix };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length * ([...s].some((ch) => ch.charCodeAt(0) > 255) ? 2 : 1)));

export function registerCasesCommands(program: Command): void {
  const cases = program.command('cases').description('identification and elimination cases of monitored households');

  cases
    .command('list')
    .description('list cases (newest first)')
    .option('--status <status>', `one of ${Object.keys(CASE_STATUSES).join(', ')}`)
    .option('--village <code>', 'division code prefix')
    .option('--overdue', 'only overdue cases')
    .option('--limit <n>', 'how many', '50')
    .option('--as <username>', 'act as this user (scope applies)')
    .action((opts: { status?: string; village?: string; overdue?: boolean; limit: string; as?: string }) =>
      withRuntime(async (deps) => {
        const actor = await actorFor(deps, opts.as);
        const r = await listCases(deps, actor, { status: opts.status as never, village: opts.village, overdue: opts.overdue ? 'true' : undefined, limit: Number(opts.limit), offset: 0 });
        console.log(`${r.total} case(s)`);
        for (const c of r.items) {
          console.log(`${pad(String(c.id), 8)}${pad(c.status, 17)}v${pad(String(c.version), 4)}${pad(c.householdNo, 22)}${pad(c.headName ?? '', 10)}${pad(c.category, 17)}${c.risks.join(',')}${c.overdue ? '  OVERDUE ' + c.dueOn : c.dueOn ? '  due ' + c.dueOn : ''}`);
        }
      }),
    );

  cases
    .command('show <id>')
    .description('a case with its timeline and evidence')
    .option('--as <username>', 'act as this user (scope applies)')
    .option('--json', 'print JSON')
    .action((id: string, opts: { as?: string; json?: boolean }) =>
      withRuntime(async (deps) => {
        const actor = await actorFor(deps, opts.as);
        const page = await getCasePage(deps, actor, Number(id));
        if (opts.json) return void console.log(JSON.stringify(page, null, 2));
        const c = page.case;
        console.log(`case ${c.id} · ${c.status} (${CASE_STATUSES[c.status].zh}) · version ${c.version}`);
        console.log(`household ${c.householdNo} ${c.headName ?? ''} · ${c.category} · risks ${c.risks.join(', ')} · channel ${c.channel}`);
        console.log(`due ${c.dueOn ?? '-'}${c.overdue ? ' (OVERDUE)' : ''} · identified ${c.identifiedOn ?? '-'} · eliminated ${c.eliminatedOn ?? '-'}`);
        console.log(`next steps for ${actor.role}: ${c.allowedActions.join(', ') || '-'}`);
        console.log('timeline:');
        for (const e of page.timeline) console.log(`  ${e.onDate}  ${pad(e.action, 26)}${pad(`${e.fromStatus ?? ''}→${e.toStatus}`, 34)}${e.actorName} (${e.actorRole})`);
      }),
    );

  cases
    .command('transition <id> <action>')
    .description('take one step: e.g. `cases transition 12 assign --version 1 --as cadre1`')
    .requiredOption('--version <n>', 'the case version you are acting on')
    .requiredOption('--as <username>', 'the user taking the step')
    .option('--evidence <json>', 'evidence as JSON')
    .option('--evidence-file <file>', 'evidence from a JSON file')
    .option('--note <text>', 'note')
    .action((id: string, action: string, opts: { version: string; as: string; evidence?: string; evidenceFile?: string; note?: string }) =>
      withRuntime(async (deps) => {
        const actor = await actorFor(deps, opts.as);
        let evidence: unknown = {};
        try {
          if (opts.evidenceFile) evidence = JSON.parse(readFileSync(opts.evidenceFile, 'utf8'));
          else if (opts.evidence) evidence = JSON.parse(opts.evidence);
        } catch (e) {
          throw invalidInput('evidence is not valid JSON', [{ path: opts.evidenceFile ? '--evidence-file' : '--evidence', message: e instanceof Error ? e.message : String(e) }]);
        }
        const parsed = TransitionRequestSchema.safeParse({ action, version: Number(opts.version), evidence, note: opts.note });
        if (!parsed.success) throw invalidInput('invalid step', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
        const c = await transitionCase(deps, actor, Number(id), parsed.data);
        console.log(`case ${c.id} → ${c.status} (version ${c.version})${c.dueOn ? ` · due ${c.dueOn}` : ''}`);
      }),
    );

  cases
    .command('calendar-set <day>')
    .description('mark a day as a public holiday (default) or a make-up working day in the deadline calendar')
    .option('--working', 'a make-up working day (调休上班)')
    .option('--note <text>', 'note', '')
    .action((day: string, opts: { working?: boolean; note: string }) =>
      withRuntime(async (deps) => {
        await setCalendarDay(deps, systemActor('cli'), { day, isWorking: Boolean(opts.working), note: opts.note });
        console.log(`${day}: ${opts.working ? 'working day' : 'holiday'}`);
      }),
    );
}
