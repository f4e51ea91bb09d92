import { organizationName } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { listTeam } from "@lotbridge/auth/list-team";
import { TeamPage } from "@lotbridge/ui/team-page";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { portal } from "@/server/portal";

export default async function Team() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  return (
    <TeamPage
      organizationName={(await organizationName(db, me.organizationId)) ?? ""}
      team={await listTeam(db, me.organizationId)}
      canAdd={me.role === "admin"}
      myUserId={me.userId}
    />
  );
}
