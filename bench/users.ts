/**
 * A load of simulated users for the latency benchmarks: each user does one action at a time and
 * pauses a random think time (exponential, mean `thinkMs`; 0 = closed loop, the saturation case)
 * before each. Beside them, one peer loop times a trivial request through the same server, so a
 * result can be read against what the machine gives at that moment.
 */
import http from 'node:http';

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** An HTTP client for one server, keep-alive, JSON bodies. */
export function httpClient(port: number, maxSockets = 200) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  };
  return { request, close: () => agent.destroy() };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;

export interface Latencies {
  /** Milliseconds per label, sorted ascending. */
  byLabel: Map<string, number[]>;
  all: number[];
  peer: number[];
  errors: number;
  errorSamples: string[];
  seconds: number;
}

/**
 * Runs `users` users for `warmupMs` + `seconds`; latencies are kept after the warm-up only.
 * `act(user)` does the user's next action and says what it was (`null`: this user has no more work).
 */
export async function runUsers(opts: {
  users: number;
  seconds: number;
  warmupMs: number;
  thinkMs: number;
  act: (user: number) => Promise<{ label: string; reply: Reply } | null>;
  peer: () => Promise<unknown>;
}): Promise<Latencies> {
  const byLabel = new Map<string, number[]>();
  const peer: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const measureFrom = Date.now() + opts.warmupMs;
  const stopAt = measureFrom + opts.seconds * 1000;
  const think = () => (opts.thinkMs > 0 ? new Promise((r) => setTimeout(r, -Math.log(1 - Math.random()) * opts.thinkMs)) : undefined);

  async function user(u: number) {
    for (;;) {
      await think();
      if (Date.now() >= stopAt) return;
      const t0 = performance.now();
      const done = await opts.act(u);
      const ms = performance.now() - t0;
      if (!done) return;
      if (Date.now() < measureFrom) continue;
      if (done.reply.status >= 400) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(`${done.label}: ${done.reply.status} ${done.reply.body.slice(0, 200)}`);
        continue;
      }
      const list = byLabel.get(done.label) ?? [];
      list.push(ms);
      byLabel.set(done.label, list);
    }
  }
  async function peerLoop() {
    while (Date.now() < stopAt) {
      await new Promise((r) => setTimeout(r, 20));
      const t0 = performance.now();
      await opts.peer();
      if (Date.now() >= measureFrom) peer.push(performance.now() - t0);
    }
  }
  await Promise.all([...Array.from({ length: opts.users }, (_, u) => user(u)), peerLoop()]);
  for (const list of byLabel.values()) list.sort((a, b) => a - b);
  peer.sort((a, b) => a - b);
  return {
    byLabel,
    all: [...byLabel.values()].flat().sort((a, b) => a - b),
    peer,
    errors,
    errorSamples,
    seconds: (Math.min(Date.now(), stopAt) - measureFrom) / 1000,
  };
}

/** One line of a latency table. */
export function latencyLine(name: string, sorted: number[]): string {
  if (sorted.length === 0) return `${name.padEnd(26)} n=      0`;
  const f = (p: number) => percentile(sorted, p).toFixed(1);
  return `${name.padEnd(26)} n=${String(sorted.length).padStart(7)}  p50 ${f(50)} ms  p95 ${f(95)} ms  p99 ${f(99)} ms  max ${sorted[sorted.length - 1].toFixed(1)} ms`;
}

/** Prints a phase: every label, all together, the peer, throughput and errors. Returns the overall p99. */
export function report(title: string, r: Latencies, what: string): number {
  console.log(`\n${title} (${r.seconds.toFixed(1)} s measured)`);
  if (r.byLabel.size > 1) for (const [label, xs] of r.byLabel) console.log(latencyLine(`  ${label}`, xs));
  console.log(latencyLine(`all ${what}`, r.all));
  console.log(latencyLine('peer: GET /api/health', r.peer));
  const p99 = percentile(r.all, 99);
  console.log(`throughput ${(r.all.length / r.seconds).toFixed(0)} ${what}/s, errors ${r.errors}${r.errorSamples.length ? ` (e.g. ${r.errorSamples[0]})` : ''}; p99 ratio to the peer ${(p99 / percentile(r.peer, 99)).toFixed(1)}×`);
  return p99;
}
