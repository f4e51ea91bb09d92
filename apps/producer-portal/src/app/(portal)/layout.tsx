import { organizationName } from "@lotbridge/auth/create-account";
import { currentMember } from "@lotbridge/auth/current-member";
import { isOperator } from "@lotbridge/auth/is-operator";
import { AppHeader } from "@lotbridge/ui/app-header";
import { NotificationBell } from "@lotbridge/ui/notification-bell";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { portal } from "@/server/portal";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const { auth, db, config } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  return (
    <>
      <AppHeader
        portalName="Producer Portal"
        userName={me.name}
        organizationName={(await organizationName(db, me.organizationId)) ?? ""}
        nav={[
          { href: "/", label: "Home" },
          { href: "/bids", label: "My bids" },
          { href: "/contracts", label: "Contracts" },
          { href: "/saved-searches", label: "Saved searches" },
          ...((await isOperator(db, me.memberId)) ? [{ href: "/integration", label: "Integration" }] : []),
          { href: "/team", label: "Team" },
          { href: "/notifications", label: "Notifications" },
          ...(config.SMTP_URL ? [] : [{ href: "/dev/mailbox", label: "Mailbox (dev)" }]),
        ]}
      >
        <NotificationBell />
      </AppHeader>
      <main>{children}</main>
    </>
  );
}
