import type { ReactNode } from "react";
import { AppMenu, type AppMenuLink } from "./app-menu";
import { ScrollableTables } from "./scrollable-tables";
import { SignOutButton } from "./sign-out-button";

export interface AppHeaderProps {
  portalName: string;
  userName: string;
  organizationName: string;
  nav: AppMenuLink[];
  children?: ReactNode;
}

/**
 * Pages about the person, the organization and the tools rather than the trade sit in the user menu, whichever layout lists them: it
 * keeps the bar on one line at 1280 px (docs/architecture.md, UI conventions).
 */
const USER_MENU_PAGES = new Set(["/team", "/dev/mailbox", "/api-reference"]);

/**
 * The portal's header: brand, main navigation, what the layout adds (the bell), and a user menu with the account and
 * the tools. At 640 px and less everything but the brand and the bell folds into a Menu button; without script the
 * links are listed under the bar instead.
 */
export function AppHeader({ portalName, userName, organizationName, nav, children }: AppHeaderProps) {
  const main = nav.filter((item) => !USER_MENU_PAGES.has(item.href));
  const tools = nav.filter((item) => USER_MENU_PAGES.has(item.href));
  const everything = [...main, { href: "/account", label: "Your account" }, ...tools];
  return (
    <header className="app-header">
      <a href="/" className="brand">
        Lotbridge <span>{portalName}</span>
      </a>
      <AppMenu
        main={main}
        tools={tools}
        userName={userName}
        organizationName={organizationName}
        signOut={<SignOutButton />}
      />
      {children && <div className="header-tools">{children}</div>}
      <ScrollableTables />
      <noscript>
        <nav aria-label="All pages" className="noscript-nav">
          {everything.map((item) => (
            <a key={item.href} href={item.href}>
              {item.label}
            </a>
          ))}
        </nav>
      </noscript>
    </header>
  );
}
