import { apiKeyScopeSchema } from "@lotbridge/contract/api-key-scope";
import { requiredText } from "@lotbridge/contract/text";
import { readJson } from "@lotbridge/http/read-json";
import { z } from "zod";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { requireOperator, route } from "@/server/route";

const newKeySchema = z.object({
  name: requiredText(100),
  platform: requiredText(100),
  scopes: z.array(apiKeyScopeSchema).min(1, { error: "must list at least one scope" }),
});

/** Issues a key; the answer is the only time the full key is shown. */
export const POST = route(async (request) => {
  const admin = await requireOperator(request);
  const input = await readJson(request, newKeySchema);
  const issued = await issueApiKey(portal().db, {
    ...input,
    scopes: [...new Set(input.scopes)],
    createdBy: admin.userId,
  });
  return Response.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
});
