#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the installed bin and `npm run cli` behave alike.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
