import { createChangePasswordRoute } from "@lotbridge/runtime/change-password-route";
import { portal, requireMember } from "@/server/portal";
import { route } from "@/server/route";

export const POST = createChangePasswordRoute({ portal, requireMember, route });
