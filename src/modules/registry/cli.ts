import type { Command } from 'commander';
import { withRuntime } from '../../cli/run.js';
import { systemActor } from '../access/index.js';
import { AppError } from '../../platform/errors.js';
import { translate } from '../../platform/messages.js';
import { HouseholdSearchQuerySchema, type HouseholdProfile } from './contract.js';
import { HOUSEHOLD_TYPES, RELATIONS } from './domain/enums.js';
import { getHouseholdProfile } from './use-cases/get-household-profile.js';
import { searchHouseholds } from './use-cases/search-households.js';
import './messages.js';

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));

function parseSearch(raw: Record<string, unknown>) {
  const parsed = HouseholdSearchQuerySchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('invalid_input', 'invalid search options', {
      details: parsed.error.issues.map((i) => ({ path: `--${String(i.path[0] ?? '')}`, message: translate('zh-CN', i.message) })),
    });
  }
  return parsed.data;
}

/** `ruralbridge households search|show`, run as the operator (system actor: whole country, full ID numbers). */
export function registerRegistryCommands(program: Command): void {
  const cmd = program.command('households').description('the household registry: search households, show one household (一户一档)');
  cmd
    .command('search')
    .description('search households by division, name (fuzzy), household number or ID number')
    .option('--division <code>', 'division code prefix (2, 4, 6, 9 or 12 digits)')
    .option('--q <name>', 'name of the head or any member (fuzzy)')
    .option('--household-no <no>', 'household number, exact or prefix')
    .option('--id-number <id>', 'ID number of any member, exact')
    .option('--year <year>', 'income year shown (default: last year)')
    .option('--page <n>', 'page', '1')
    .option('--page-size <n>', 'rows per page (≤ 200)', '20')
    .option('--json', 'print JSON')
    .action((opts: { division?: string; q?: string; householdNo?: string; idNumber?: string; year?: string; page: string; pageSize: string; json?: boolean }) =>
      withRuntime(async (deps) => {
        const query = parseSearch({ division: opts.division, q: opts.q, householdNo: opts.householdNo, idNumber: opts.idNumber, year: opts.year, page: opts.page, pageSize: opts.pageSize });
        const result = await searchHouseholds(deps, systemActor('cli'), query);
        if (opts.json) return void console.log(JSON.stringify(result, null, 2));
        console.log(`${result.total}${result.totalIsCapped ? '+' : ''} households (page ${result.page}, income year ${result.year})`);
        for (const h of result.items) {
          console.log(
            [h.householdNo.padEnd(20), (h.headName ?? '—').padEnd(6), String(h.size).padStart(2), HOUSEHOLD_TYPES[h.householdType].zh.padEnd(5), `${h.townshipName}${h.villageName}`, yuan(h.perCapitaNetFen).padStart(10)].join('  '),
          );
        }
      }),
    );
  cmd
    .command('show <householdNo>')
    .description('show one household: members, incomes over the years, guarantees, change history')
    .option('--json', 'print JSON')
    .action((householdNo: string, opts: { json?: boolean }) =>
      withRuntime(async (deps) => {
        const actor = systemActor('cli');
        const found = await searchHouseholds(deps, actor, parseSearch({ householdNo, pageSize: '5' }));
        const hit = found.items.find((h) => h.householdNo === householdNo.trim());
        if (!hit) throw new AppError('not_found', `household ${householdNo} not found`);
        const profile = await getHouseholdProfile(deps, actor, hit.id);
        if (opts.json) return void console.log(JSON.stringify(profile, null, 2));
        printProfile(profile);
      }),
    );
}

function printProfile(p: HouseholdProfile): void {
  const h = p.household;
  console.log(`户编号 ${h.householdNo}  ${h.townshipName} ${h.villageName} (${h.villageCode})  ${HOUSEHOLD_TYPES[h.householdType].zh}${h.isRelocated ? '  易地搬迁' : ''}  版本 ${h.version}`);
  console.log('成员 members:');
  for (const m of p.members) console.log(`  ${RELATIONS[m.relation].zh.padEnd(6)} ${m.name.padEnd(6)} ${m.idNumber}  ${m.gender === 'M' ? '男' : '女'}  ${m.birthDate}  ${m.laborSkill}  ${m.healthStatus}`);
  console.log('收入 incomes (yuan):');
  for (const i of p.incomes) console.log(`  ${i.year}  人口 ${i.householdSize}  纯收入 ${yuan(i.netIncomeFen)}  人均 ${yuan(i.perCapitaNetFen)}`);
  if (p.guarantee) {
    const g = p.guarantee;
    console.log(`两不愁三保障 (as of ${g.asOf}): ${g.hasProblem ? '有问题' : '无问题'}  住房${g.housingUnsafe ? '不安全' : '安全'}  辍学${g.dropoutChild ? '有' : '无'}  未参保${g.memberUninsured ? '有' : '无'}  饮水${g.waterUnsafe ? '不安全' : '安全'}`);
  }
  console.log(`变更记录 history: ${p.history.length} events`);
  for (const e of p.history.slice(0, 10)) console.log(`  #${e.seq} ${e.at} ${e.actorName} ${e.action} (${e.changes.length} fields)`);
}
