/** Counts failed logins per key (ip|username) in a sliding window; pure, time passed in. */
export class LoginThrottle {
  private failures = new Map<string, number[]>();
  constructor(private readonly limits: { maxFailures: number; windowMs: number }) {}

  isBlocked(key: string, nowMs: number): boolean {
    return this.recent(key, nowMs).length >= this.limits.maxFailures;
  }
  fail(key: string, nowMs: number): void {
    this.failures.set(key, [...this.recent(key, nowMs), nowMs]);
  }
  succeed(key: string): void {
    this.failures.delete(key);
  }
  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => nowMs - t < this.limits.windowMs);
  }
}
