import type { Command } from 'commander';

/**
 * Each module's CLI commands: a module adds one line here, its `registerXxxCommands` from
 * `modules/<m>/cli.ts`. Core commands (serve, db) live in main.ts.
 */
export const commandModules: Array<(program: Command) => void> = [];
