import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, forgetPrefetched, peekPrefetched, prefetchGet } from './api';

/** A fake server: counts the requests per URL and answers each with its number. */
function fakeServer() {
  const asked: string[] = [];
  const pending: (() => void)[] = [];
  const fetch = vi.fn(async (url: string) => {
    asked.push(url);
    const n = asked.length;
    await new Promise<void>((resolve) => pending.push(resolve));
    return new Response(JSON.stringify({ n }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return { asked, fetch, answerAll: () => pending.splice(0).forEach((r) => r()) };
}

describe('prefetchGet', () => {
  let server: ReturnType<typeof fakeServer>;
  beforeEach(() => {
    server = fakeServer();
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lets the page take the answer of a request started early instead of asking again', async () => {
    prefetchGet('/api/registry/overview', { division: '520527', year: undefined });
    const taken = api.get<{ n: number }>('/api/registry/overview', { division: '520527' });
    server.answerAll();
    expect(await taken).toEqual({ n: 1 });
    expect(server.asked).toEqual(['/api/registry/overview?division=520527']);
    // Taken once: the next ask goes to the server.
    const again = api.get<{ n: number }>('/api/registry/overview', { division: '520527' });
    server.answerAll();
    expect(await again).toEqual({ n: 2 });
  });

  it('shows an arrived answer to a first render without taking it, until the page forgets it', async () => {
    prefetchGet('/api/x', { a: 1 });
    expect(peekPrefetched('/api/x', { a: 1 })).toBeUndefined(); // not arrived yet
    server.answerAll();
    await vi.waitFor(() => expect(peekPrefetched('/api/x', { a: 1 })).toEqual({ n: 1 }));
    expect(peekPrefetched('/api/x', { a: 1 })).toEqual({ n: 1 }); // a render run again sees it too
    forgetPrefetched('/api/x', { a: 1 });
    expect(peekPrefetched('/api/x', { a: 1 })).toBeUndefined();
    const fresh = api.get('/api/x', { a: 1 });
    server.answerAll();
    expect(await fresh).toEqual({ n: 2 });
  });

  it('never serves an unclaimed answer older than ten seconds', async () => {
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    prefetchGet('/api/y');
    server.answerAll();
    await vi.waitFor(() => expect(peekPrefetched('/api/y')).toEqual({ n: 1 }));
    now.mockReturnValue(11_001);
    expect(peekPrefetched('/api/y')).toBeUndefined();
    const fresh = api.get('/api/y');
    server.answerAll();
    expect(await fresh).toEqual({ n: 2 });
  });
});
