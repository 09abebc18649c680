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

const UsernameSchema = z.string().trim().regex(/^[A-Za-z0-9_.-]{2,64}$/, { error: 'access.username.format' });
const DisplayNameSchema = z.string().trim().min(1).max(64);
const PasswordSchema = z.string().min(8, { error: 'access.password.too_short' }).max(200);
/** Significant digits of a division ('' = the whole country). */
export const ScopePrefixSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/, { error: 'access.scope.format' });

/** Input of createUser (use case and CLI): without a password one is generated and shown once. */
export const NewUserSchema = z
  .object({
    username: UsernameSchema,
    displayName: DisplayNameSchema,
    password: PasswordSchema.optional(),
    role: RoleSchema,
    scopePrefix: ScopePrefixSchema,
  })
  .meta({ id: 'NewUser' });
export type NewUser = z.input<typeof NewUserSchema>;

/** A user as the API shows it: never the password or its hash. */
export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    scopePrefix: z.string(),
    /** Name of the scope division ('全国' for the whole country). */
    scopeName: z.string(),
    disabled: z.boolean(),
    createdAt: z.string().meta({ description: 'ISO timestamp' }),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** GET /api/users query: users inside the caller's scope. */
export const UserListQuerySchema = z
  .object({
    q: z.string().trim().max(64).optional().meta({ description: 'part of the user name or display name' }),
    role: RoleSchema.optional(),
    disabled: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  });
// No OpenAPI id: @fastify/swagger needs query parameters inline, not as a $ref.
export type UserListQuery = z.output<typeof UserListQuerySchema>;

export const UserListSchema = z.object({ total: z.number().int(), items: z.array(UserSchema) }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserListSchema>;

/** POST /api/users body. */
export const CreateUserRequestSchema = NewUserSchema.meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.input<typeof CreateUserRequestSchema>;

/** PATCH /api/users/:id body: any of these; `resetPassword: true` generates a new password. */
export const UpdateUserRequestSchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    role: RoleSchema.optional(),
    scopePrefix: ScopePrefixSchema.optional(),
    disabled: z.boolean().optional(),
    password: PasswordSchema.optional(),
    resetPassword: z.literal(true).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { error: 'access.update.nothing_to_change' })
  .refine((v) => !(v.password && v.resetPassword), { error: 'access.update.password_twice', path: ['resetPassword'] })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const UserParamsSchema = z.object({ id: z.coerce.number().int().positive() });

/** Answer to create and update: the user, and a generated password shown this one time only. */
export const UserChangeResultSchema = z
  .object({ user: UserSchema, generatedPassword: z.string().optional() })
  .meta({ id: 'UserChangeResult' });
export type UserChangeResult = z.infer<typeof UserChangeResultSchema>;
