import { type CurrentMember, currentMember } from "@lotbridge/auth/current-member";
import { unauthenticated } from "@lotbridge/contract/problem";
import { createRoute } from "@lotbridge/http/create-route";
import { logger } from "./logger";
import { portal } from "./portal";

export const route = createRoute(logger);

/** The signed-in producer user and their organization, or a 401. */
export async function requireMember(request: Request): Promise<CurrentMember> {
  const { auth, db } = portal();
  const member = await currentMember(auth, db, request.headers);
  if (!member) throw unauthenticated();
  return member;
}
