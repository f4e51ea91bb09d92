import { z } from "zod";
import { fieldError } from "./field-error";
import { unfitCharacter } from "./text";

export const MIN_PASSWORD_LENGTH = 10;

/** A signed-in user replaces their password (e.g. the one the operator handed over). Passwords are never trimmed. */
export const passwordChangeSchema = z
  .object(
    {
      currentPassword: z
        .string({ error: fieldError("must be text") })
        .min(1, { error: "is required" })
        .max(128, { error: "must be at most 128 characters" }),
      newPassword: z
        .string({ error: fieldError("must be text") })
        .min(MIN_PASSWORD_LENGTH, { error: `must be at least ${MIN_PASSWORD_LENGTH} characters` })
        .max(128, { error: "must be at most 128 characters" })
        // Hashed as UTF-8, a lone surrogate would become U+FFFD: two different passwords would both sign in.
        .refine((password) => unfitCharacter(password) === undefined, {
          error: (issue) => unfitCharacter(issue.input as string),
        }),
    },
    { error: fieldError("must be a JSON object") },
  )
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    error: "must differ from the current password",
  })
  .meta({ id: "PasswordChange", description: "The current password and the new one" });

export type PasswordChange = z.infer<typeof passwordChangeSchema>;
