import { createTeamRoutes } from "@lotbridge/runtime/team-routes";
import { portal, requireMember } from "@/server/portal";
import { route } from "@/server/route";

export const { resetPassword: POST } = createTeamRoutes({ portal, requireMember, route });
