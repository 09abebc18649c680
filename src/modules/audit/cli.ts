import type { Command } from 'commander';
import { withRuntime } from '../../cli/run.js';
import { invalidInput } from '../../platform/errors.js';
import { systemActor } from '../access/index.js';
import { describeChainReport } from './use-cases/describe-chain-report.js';
import { listAuditEvents } from './use-cases/list-audit-events.js';
import { verifyAuditChain } from './use-cases/verify-audit-chain.js';

const summarise = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the append-only, hash-chained audit log');

  audit
    .command('verify')
    .description('walk the whole chain; exit code 1 and the first broken event when it was edited, inserted into or cut')
    .action(() =>
      withRuntime(async (deps) => {
        const report = await verifyAuditChain(deps.store.db);
        const zh = describeChainReport(report, 'zh-CN');
        const en = describeChainReport(report, 'en');
        if (zh.ok) {
          console.log(`审计链完整 / audit chain intact: ${report.events} events, head seq ${report.head?.seq ?? 0}`);
          return;
        }
        console.error(`审计链已损坏 / audit chain BROKEN at seq ${zh.firstBreak!.seq} (${zh.firstBreak!.problem})`);
        console.error(`  ${zh.firstBreak!.message}`);
        console.error(`  ${en.firstBreak!.message}`);
        process.exitCode = 1;
      }),
    );

  audit
    .command('list')
    .description('show the newest audit events')
    .option('--entity <type[:id]>', 'only events about this entity type, optionally one id (e.g. user:12)')
    .option('--action <action>', 'only this action (e.g. user.update)')
    .option('--actor <name>', 'only events by actors whose name contains this')
    .option('--limit <n>', 'how many events (newest first)', '20')
    .action((opts: { entity?: string; action?: string; actor?: string; limit: string }) =>
      withRuntime(async (deps) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
          throw invalidInput('bad --limit', [{ path: '--limit', message: 'a whole number from 1 to 500', value: opts.limit }]);
        }
        const [entityType, entityId] = opts.entity ? opts.entity.split(':', 2) : [undefined, undefined];
        const page = await listAuditEvents(deps, systemActor('cli'), {
          entityType,
          entityId,
          action: opts.action,
          actor: opts.actor,
          pageSize: limit,
          page: 1,
        });
        for (const e of page.items) {
          const change = [summarise(e.before), summarise(e.after)].filter(Boolean).join(' -> ');
          console.log(`#${e.seq}\t${e.at}\t${e.actorName}\t${e.action}\t${e.entityType}${e.entityId ? `:${e.entityId}` : ''}\t${change}${e.reason ? `\t(${e.reason})` : ''}`);
        }
        console.log(`${page.items.length} of ${page.total} events`);
      }),
    );
}
