import { z } from "zod";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXAMPLE = "OPERATORS=anna@northfield.example:northfield-mills";

/**
 * `OPERATORS`: the memberships to make the portal's operators at start, each named by sign-in email AND organization
 * slug (`email:organization-slug`, comma-separated), so that the same email in another organization is never meant.
 * The slug rather than the organization's display name: it has no spaces, commas or colons to misread.
 */
export function operatorsVariable() {
  return z
    .string()
    .default("")
    .transform((value, context) => {
      const named = [];
      for (const entry of value.split(",").map((part) => part.trim())) {
        if (!entry) continue;
        const colon = entry.lastIndexOf(":");
        const email = entry.slice(0, colon).trim().toLowerCase();
        const organizationSlug = entry.slice(colon + 1).trim();
        if (colon < 0 || !z.email().safeParse(email).success || !SLUG.test(organizationSlug)) {
          context.addIssue({
            code: "custom",
            message: `OPERATORS must name each operator as sign-in-email:organization-slug, separated by commas, like ${EXAMPLE} (the slug is the organization's name in lower case with dashes between words); "${entry}" is not.`,
          });
          return z.NEVER;
        }
        named.push({ email, organizationSlug });
      }
      return named;
    });
}
