import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startJourneyServer, type JourneyWorld } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    world: JourneyWorld;
  }
}

let close: (() => Promise<void>) | null = null;

/** Starts the real server once for all journeys (web/dist must be built: `npm run test:e2e` does it). */
export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('web/dist/index.html')) throw new Error('web/dist is missing: run `npm run build:web` first (npm run test:e2e does)');
  const started = await startJourneyServer();
  close = started.close;
  project.provide('world', started.world);
}

export async function teardown(): Promise<void> {
  await close?.();
}
