import { z } from "zod";

/** How long a replaced secret or key keeps working during a rotation: 0 (at once) to a week, 24 h by default. */
export const rotationSchema = z.object({
  overlapHours: z
    .number({ error: "must be a number of hours from 0 to 168" })
    .min(0, { error: "must be a number of hours from 0 to 168" })
    .max(168, { error: "must be a number of hours from 0 to 168" })
    .default(24),
});
