import { z } from "zod";
import { fieldError } from "./field-error";
import { requiredText } from "./text";

/** `POST /api/team` (organization admin): a colleague to give an account in the admin's organization. */
export const newTeamMemberSchema = z
  .object(
    {
      name: requiredText(200).describe("The person's full name, shown to the other party on bids and contracts"),
      email: z
        .email({ error: "must be an email address, like ben@northfield.example" })
        .max(254, { error: "must be at most 254 characters" }),
      role: z
        .enum(["admin", "member"], { error: "must be admin or member" })
        .default("member")
        .describe("admin: also adds people"),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "NewTeamMember" });

export type NewTeamMember = z.infer<typeof newTeamMemberSchema>;
