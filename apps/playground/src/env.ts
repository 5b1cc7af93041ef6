import { z } from 'zod';
import { checkPlatformEnv, platformEnvShape } from './env-platforms.js';

/** The bot's environment; the only place that reads `process.env` (DESIGN.md). */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /** Where the embedded SQLite database lives. */
    DATA_DIR: z.string().min(1).default('./data'),
    /** `postgres://…` selects PostgreSQL; otherwise SQLite under DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset for SQLite)')
      .optional(),
    /** `off` disables the playground when a platform bot runs in the same process. */
    PLAYGROUND: z.enum(['on', 'off']).default('on'),
    /** Per-user and per-channel rate limits on commands; `off` only for load tests and benchmarks. */
    RATE_LIMIT: z.enum(['on', 'off']).default('on'),
    /** Wall-clock limit of one `/kernel` run, ms, after which its process is killed; 60 s if unset. */
    KERNEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).optional(),
    /** Shows the clock controls; on unless NODE_ENV is production. */
    NODE_ENV: z.string().default('development'),
    ...platformEnvShape,
  })
  .superRefine(checkPlatformEnv);

/** Parsed environment. */
export type Env = z.infer<typeof envSchema>;

/**
 * Reads and validates the environment.
 *
 * @throws Error naming every bad variable, for a start-up message without a stack trace.
 */
export function readEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Bad environment:\n  ${problems.join('\n  ')}`);
}
