import type { ReactNode } from "react";
import { SignOutButton } from "./sign-out-button";

export interface AppHeaderProps {
  portalName: string;
  userName: string;
  organizationName: string;
  nav: { href: string; label: string }[];
  children?: ReactNode;
}

export function AppHeader({ portalName, userName, organizationName, nav, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <a href="/" className="brand">
        Lotbridge <span>{portalName}</span>
      </a>
      <nav aria-label="Main">
        {nav.map((item) => (
          <a key={item.href} href={item.href}>
            {item.label}
          </a>
        ))}
      </nav>
      <div className="who">
        {children}
        <span>
          <a href="/account" title="Your account and password">
            {userName}
          </a>{" "}
          · <strong>{organizationName}</strong>
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
