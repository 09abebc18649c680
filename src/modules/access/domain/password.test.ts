import { describe, expect, it } from 'vitest';
import { DUMMY_PASSWORD_HASH, generatePassword, hashPassword, verifyPassword } from './password.js';

describe('generatePassword', () => {
  it('makes distinct 16-character passwords without look-alike characters', () => {
    const made = Array.from({ length: 50 }, () => generatePassword());
    expect(new Set(made).size).toBe(50);
    for (const p of made) expect(p).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password and refuses a wrong one and the dummy hash', async () => {
    const hash = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
    expect(await verifyPassword('', DUMMY_PASSWORD_HASH)).toBe(false);
  });
});
