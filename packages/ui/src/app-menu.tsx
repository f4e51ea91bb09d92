"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";

export interface AppMenuLink {
  href: string;
  label: string;
}

const current = (pathname: string, href: string) =>
  href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);

/**
 * The header's two disclosures: "Menu" (shown at 640 px and less) opens the whole navigation as a panel; the user's
 * name (wider screens) opens the user menu. Both are buttons with aria-expanded; Escape or a click elsewhere closes
 * them. Which one shows is the stylesheet's choice (styles.css, .app-menu).
 */
export function AppMenu(props: {
  main: AppMenuLink[];
  tools: AppMenuLink[];
  userName: string;
  organizationName: string;
  signOut: ReactNode;
}) {
  const pathname = usePathname() ?? "/";
  const [menuOpen, setMenuOpen] = useState(false);
  const [userOpen, setUserOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!menuOpen && !userOpen) return;
    const close = () => {
      setMenuOpen(false);
      setUserOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    const onClick = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [menuOpen, userOpen]);

  return (
    <div ref={root} className="app-menu-root">
      <button
        type="button"
        className="menu-toggle"
        aria-expanded={menuOpen}
        aria-controls="app-menu"
        onClick={() => setMenuOpen((open) => !open)}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div id="app-menu" className="app-menu" data-open={menuOpen}>
        <nav aria-label="Main" className="main-nav">
          {props.main.map((item) => (
            <a key={item.href} href={item.href} aria-current={current(pathname, item.href) ? "page" : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <div className="user-menu">
          <button
            type="button"
            className="user-toggle"
            aria-expanded={userOpen}
            aria-controls="user-menu-panel"
            title={`${props.userName} · ${props.organizationName}`}
            onClick={() => setUserOpen((open) => !open)}
          >
            {props.userName} <span aria-hidden="true">▾</span>
          </button>
          <div id="user-menu-panel" className="user-panel" data-open={userOpen}>
            <p className="who">
              <strong>{props.userName}</strong>
              <span className="muted">{props.organizationName}</span>
            </p>
            <a href="/account" aria-current={current(pathname, "/account") ? "page" : undefined}>
              Your account
            </a>
            {props.tools.map((item) => (
              <a key={item.href} href={item.href} aria-current={current(pathname, item.href) ? "page" : undefined}>
                {item.label}
              </a>
            ))}
          </div>
        </div>
        <div className="sign-out">{props.signOut}</div>
      </div>
    </div>
  );
}
