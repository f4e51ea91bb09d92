import { organizationName } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { AccountPage } from "@lotbridge/ui/account-page";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { portal } from "@/server/portal";

export default async function Account() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  return <AccountPage {...me} organizationName={(await organizationName(db, me.organizationId)) ?? ""} />;
}
