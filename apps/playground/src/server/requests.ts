import { z } from 'zod';

const user = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'a user id is 1–40 letters, digits, _ or -'),
  name: z.string().trim().min(1).max(40),
});

/** `POST /api/command`: a line typed in the channel, e.g. `/kvcache llama-70b 128k`. */
export const commandRequest = z.object({
  channel: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .default('general'),
  user,
  text: z.string().min(1).max(20_000),
});

/** `POST /api/action`: a button press, with the typed value for prompt buttons. */
export const actionRequest = z.object({
  channel: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .default('general'),
  user,
  actionId: z.string().min(1).max(100),
  value: z.string().max(2000),
  input: z.string().max(200).optional(),
});

/** `POST /api/dev/advance`: move the bot's clock forward (development control). */
export const advanceRequest = z.object({
  minutes: z
    .number()
    .positive()
    .max(60 * 24 * 14),
});

/** Users of the playground: everyone is an admin of their local sandbox. */
export type PlaygroundUser = z.infer<typeof user>;
