import { z } from 'zod';
import { ROLES } from './domain/actor.js';

export const RoleSchema = z.enum(ROLES).meta({ id: 'Role' });

export const LoginRequestSchema = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const MeSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    scopePrefix: z.string(),
    scopeName: z.string(),
    csrfToken: z.string(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof MeSchema>;

export const NewUserSchema = z
  .object({
    username: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,64}$/, 'letters, digits, _ . - (2–64)'),
    displayName: z.string().trim().min(1).max(64),
    password: z.string().min(8).max(200),
    role: RoleSchema,
    scopePrefix: z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, 'a division code prefix of 2, 4, 6, 9 or 12 digits'),
  })
  .meta({ id: 'NewUser' });
export type NewUser = z.infer<typeof NewUserSchema>;
