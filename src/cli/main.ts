import { Command } from 'commander';
import { buildApp } from '../api/app.js';
import { migrate } from '../db/migrate.js';
import { commandModules } from './commands.js';
import { withRuntime } from './run.js';
import { startupTasks } from './startup.js';

const program = new Command();
program
  .name('ruralbridge')
  .description('ruralbridge: monitoring households at risk of poverty relapse, case procedures and rural revitalisation evaluation for a county')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the API and web app (default http://localhost:3000); seeds the demo county on first start')
  .option('--no-seed', 'do not seed the demo county on an empty database')
  .action(async (opts: { seed: boolean }) => {
    await withRuntime(async (deps) => {
      for (const task of startupTasks) await task(deps, { seed: opts.seed });
      const app = await buildApp(deps, { logger: true });
      await app.listen({ port: deps.config.PORT, host: deps.config.HOST });
      console.log(`ruralbridge ready on http://localhost:${deps.config.PORT} (database: ${deps.store.kind})`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
    });
  });

const db = program.command('db').description('database maintenance');
db.command('migrate')
  .description('apply pending SQL migrations (also done on every start)')
  .action(() =>
    withRuntime(async (deps) => {
      const applied = await migrate(deps.store);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    }),
  );

for (const register of commandModules) register(program);

await program.parseAsync(process.argv);
