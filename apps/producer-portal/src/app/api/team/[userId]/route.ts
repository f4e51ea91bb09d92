import { createTeamRoutes } from "@lotbridge/runtime/team-routes";
import { portal, requireMember } from "@/server/portal";
import { route } from "@/server/route";

export const { DELETE } = createTeamRoutes({ portal, requireMember, route });
