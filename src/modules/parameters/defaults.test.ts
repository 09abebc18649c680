import { describe, expect, it } from 'vitest';
import { PARAMETERS } from './defaults.js';

describe('PARAMETERS', () => {
  it('cites public sources only: no reference names or links to our own spec files', () => {
    const references = [...PARAMETERS.values()].flatMap((p) => p.reference.map((r) => ({ id: p.id, ...r })));
    expect(references.length).toBeGreaterThan(20);
    const internal = references.filter((r) => /domain\.md|methods\.md|shared\/|\[I\]/.test(r.title + r.href) || (r.href !== '' && !/^https?:\/\//.test(r.href)));
    expect(internal).toEqual([]);
  });
});
