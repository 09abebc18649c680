import type { Deps } from '../../../platform/deps.js';
import { systemActor } from '../../access/index.js';
import { runSweep } from './run-sweep.js';
import type { SweepResult } from '../contract.js';

export interface Timers {
  setTimeout(fn: () => void, ms: number): { unref?: () => void };
  clearTimeout(handle: unknown): void;
}

/** Milliseconds from `now` to the next `hour`:00 China time (UTC+8). Pure. */
export function msUntilNextRun(now: Date, hour: number): number {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const next = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, 0, 0) - 8 * 3_600_000);
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + 86_400_000);
  return next.getTime() - now.getTime();
}

/**
 * The daily sweep of the server: at `hour`:00 China time every day, the full sweep as the system.
 * Time comes from deps.clock and the timers are injectable, so tests drive it. Returns a stop function.
 * A failed sweep is reported through `onResult` and the next one is still scheduled.
 */
export function scheduleDailySweep(
  deps: Deps,
  options: { hour?: number; timers?: Timers; onResult?: (r: SweepResult | Error) => void } = {},
): () => void {
  const hour = options.hour ?? 2;
  const timers: Timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  let handle: unknown = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const h = timers.setTimeout(() => void fire(), msUntilNextRun(deps.clock.now(), hour));
    h.unref?.();
    handle = h;
  };
  const fire = async () => {
    try {
      const r = await runSweep(deps, systemActor('daily-sweep'));
      options.onResult?.(r);
    } catch (e) {
      options.onResult?.(e instanceof Error ? e : new Error(String(e)));
    }
    arm();
  };
  arm();
  return () => {
    stopped = true;
    if (handle) timers.clearTimeout(handle);
  };
}
