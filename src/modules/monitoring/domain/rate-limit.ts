/**
 * Fixed-window counters per key plus one global counter: `allow(key, now)` says whether one more
 * request fits. Pure apart from its own memory; time is passed in. Old windows are dropped lazily.
 */
export class RateLimiter {
  private readonly perKey = new Map<string, { start: number; count: number }>();
  private global = { start: 0, count: 0 };
  constructor(private readonly limits: { perKey: number; perKeyWindowMs: number; global: number; globalWindowMs: number }) {}

  allow(key: string, nowMs: number): boolean {
    if (nowMs - this.global.start >= this.limits.globalWindowMs) this.global = { start: nowMs, count: 0 };
    let k = this.perKey.get(key);
    if (!k || nowMs - k.start >= this.limits.perKeyWindowMs) {
      k = { start: nowMs, count: 0 };
      this.perKey.set(key, k);
      if (this.perKey.size > 100_000) this.prune(nowMs);
    }
    if (k.count >= this.limits.perKey || this.global.count >= this.limits.global) return false;
    k.count++;
    this.global.count++;
    return true;
  }

  private prune(nowMs: number): void {
    for (const [key, v] of this.perKey) if (nowMs - v.start >= this.limits.perKeyWindowMs) this.perKey.delete(key);
  }
}
