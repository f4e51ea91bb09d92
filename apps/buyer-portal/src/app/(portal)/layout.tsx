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
        portalName="Buyer Portal"
        userName={me.name}
        organizationName={(await organizationName(db, me.organizationId)) ?? ""}
        nav={[
          { href: "/", label: "Home" },
          { href: "/lots", label: "Lots" },
          { href: "/contracts", label: "Contracts" },
          // Operators run the portal's integration; an organization's admins manage its own API keys there.
          ...(me.role === "admin" || (await isOperator(db, me.memberId))
            ? [{ href: "/integrations", label: "Integrations" }]
            : []),
          { href: "/team", label: "Team" },
          { href: "/notifications", label: "Notifications" },
          ...(config.SMTP_URL ? [] : [{ href: "/dev/mailbox", label: "Mailbox (dev)" }]),
          { href: "/api-reference", label: "API reference" },
        ]}
      >
        <NotificationBell />
      </AppHeader>
      <main>{children}</main>
    </>
  );
}
