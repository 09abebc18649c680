/**
 * Starts the journey server by hand (for looking at the app while writing journeys):
 *   node --import tsx e2e/serve.ts [--no-fixtures]
 */
import { PASSWORD, startJourneyServer } from './server.js';

const { world, close } = await startJourneyServer({ fixtures: !process.argv.includes('--no-fixtures') });
console.log(JSON.stringify({ ...world, password: PASSWORD }, null, 2));
const stop = async () => {
  await close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
