import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { mayManageUserIn, selfChangeProblem } from './user-rules.js';

const admin: Actor = { userId: 7, name: 'admin', role: 'county_admin', scopePrefix: '520527' };

describe('mayManageUserIn', () => {
  it('lets a county administrator manage users inside the county only', () => {
    expect(mayManageUserIn(admin, '520527101')).toBe(true);
    expect(mayManageUserIn(admin, '520527')).toBe(true);
    expect(mayManageUserIn(admin, '520526')).toBe(false);
    expect(mayManageUserIn(admin, '')).toBe(false);
  });

  it('refuses every other role', () => {
    expect(mayManageUserIn({ ...admin, role: 'auditor', scopePrefix: '' }, '520527')).toBe(false);
    expect(mayManageUserIn({ ...admin, role: 'village_cadre' }, '520527101201')).toBe(false);
  });
});

describe('selfChangeProblem', () => {
  it('refuses disabling oneself or changing one\'s own role or scope', () => {
    expect(selfChangeProblem(admin, 7, { disabled: true })).toBe('disable_self');
    expect(selfChangeProblem(admin, 7, { role: 'auditor' })).toBe('demote_self');
    expect(selfChangeProblem(admin, 7, { scopePrefix: '520527101' })).toBe('demote_self');
    expect(selfChangeProblem(admin, 7, { role: 'county_admin' })).toBeNull();
    expect(selfChangeProblem(admin, 8, { disabled: true })).toBeNull();
  });
});
