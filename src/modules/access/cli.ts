import type { Command } from 'commander';
import { withRuntime } from '../../cli/run.js';
import { invalidInput } from '../../platform/errors.js';
import { ROLES, systemActor, type Role } from './domain/actor.js';
import { createUser } from './use-cases/create-user.js';
import { listUsers } from './use-cases/list-users.js';
import { disableUser, enableUser } from './use-cases/disable-user.js';
import { resetPassword } from './use-cases/reset-password.js';
import type { User } from './contract.js';

const operator = () => systemActor(`cli:${process.env.USER ?? 'operator'}`);

const line = (u: User) =>
  `${u.id}\t${u.username}\t${u.displayName}\t${u.role}\t${u.scopePrefix || '-'} ${u.scopeName}\t${u.disabled ? '已停用 disabled' : '启用 active'}`;

function printPassword(username: string, password: string) {
  console.log(`初始密码（只显示这一次）/ password for ${username} (shown once): ${password}`);
}

export function registerAccessCommands(program: Command): void {
  const users = program.command('users').description('user accounts: roles and division scopes');

  users
    .command('add')
    .description('add a user; without --password a password is generated and printed once')
    .requiredOption('--username <name>', 'login name (letters, digits, _ . -)')
    .requiredOption('--name <display>', 'display name, e.g. 张三')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--scope <code>', 'division code prefix the user may see (2, 4, 6, 9 or 12 digits; empty = whole country)', '')
    .option('--password <password>', 'initial password (at least 8 characters)')
    .action((opts: { username: string; name: string; role: string; scope: string; password?: string }) =>
      withRuntime(async (deps) => {
        if (!(ROLES as readonly string[]).includes(opts.role)) {
          throw invalidInput(`unknown role ${opts.role}`, [{ path: '--role', message: `one of ${ROLES.join(', ')}`, value: opts.role }]);
        }
        const created = await createUser(deps, operator(), {
          username: opts.username,
          displayName: opts.name,
          role: opts.role as Role,
          scopePrefix: opts.scope,
          ...(opts.password !== undefined && { password: opts.password }),
        });
        console.log(`已添加用户 / added: ${line(created.user)}`);
        if (created.generatedPassword) printPassword(created.user.username, created.generatedPassword);
      }),
    );

  users
    .command('list')
    .description('list users')
    .option('--role <role>', 'only this role')
    .option('--scope <code>', 'only users whose scope lies inside this division')
    .option('--disabled', 'only disabled users')
    .action((opts: { role?: string; scope?: string; disabled?: boolean }) =>
      withRuntime(async (deps) => {
        if (opts.role && !(ROLES as readonly string[]).includes(opts.role)) {
          throw invalidInput(`unknown role ${opts.role}`, [{ path: '--role', message: `one of ${ROLES.join(', ')}`, value: opts.role }]);
        }
        const actor = { ...operator(), scopePrefix: opts.scope ?? '' };
        let page = 1;
        let shown = 0;
        for (;;) {
          const result = await listUsers(deps, actor, { role: opts.role as Role | undefined, disabled: opts.disabled ? true : undefined, page, pageSize: 200 });
          for (const u of result.items) console.log(line(u));
          shown += result.items.length;
          if (shown >= result.total || result.items.length === 0) {
            console.log(`${result.total} users`);
            return;
          }
          page++;
        }
      }),
    );

  users
    .command('disable')
    .description('disable a user and end their sessions')
    .argument('<username>')
    .option('--reason <text>', 'why (kept in the audit log)')
    .action((username: string, opts: { reason?: string }) =>
      withRuntime(async (deps) => {
        const { user } = await disableUser(deps, operator(), username, opts.reason);
        console.log(`已停用 / disabled: ${line(user)}`);
      }),
    );

  users
    .command('enable')
    .description('enable a disabled user')
    .argument('<username>')
    .option('--reason <text>', 'why (kept in the audit log)')
    .action((username: string, opts: { reason?: string }) =>
      withRuntime(async (deps) => {
        const { user } = await enableUser(deps, operator(), username, opts.reason);
        console.log(`已启用 / enabled: ${line(user)}`);
      }),
    );

  users
    .command('reset-password')
    .description('set a new password (generated and printed once unless --password is given) and end the user\'s sessions')
    .argument('<username>')
    .option('--password <password>', 'the new password (at least 8 characters)')
    .option('--reason <text>', 'why (kept in the audit log)')
    .action((username: string, opts: { password?: string; reason?: string }) =>
      withRuntime(async (deps) => {
        const { user, generatedPassword } = await resetPassword(deps, operator(), username, opts.password, opts.reason);
        console.log(`已重置密码 / password reset: ${user.username}`);
        if (generatedPassword) printPassword(user.username, generatedPassword);
      }),
    );
}
