"use client";

import { formatDateTime } from "@lotbridge/format/format-date-time";
import { localTimeZone } from "@lotbridge/format/local-time-zone";
import { useCallback, useEffect, useRef, useState } from "react";

interface Item {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

interface Toast {
  id: string;
  title: string;
  body: string;
  link: string | null;
}

const TOAST_MS = 7000;

/**
 * The bell in the header: unread count, a panel with the latest notifications, and a toast for each one that arrives
 * live over Server-Sent Events. EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
 */
export function NotificationBell() {
  const [items, setItems] = useState<Item[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const button = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    const response = await fetch("/api/notifications?limit=10");
    if (!response.ok) return;
    const page = await response.json();
    setItems(page.notifications);
    setUnread(page.unreadCount);
  }, []);

  useEffect(() => {
    void load();
    const source = new EventSource("/api/notifications/stream");
    source.addEventListener("notification", (event) => {
      const { notification, unreadCount } = JSON.parse((event as MessageEvent).data) as {
        notification: Item;
        unreadCount: number;
      };
      setUnread(unreadCount);
      setItems((current) => [notification, ...current.filter((i) => i.id !== notification.id)].slice(0, 10));
      setToasts((current) => [...current, notification]);
      setTimeout(() => setToasts((current) => current.filter((t) => t.id !== notification.id)), TOAST_MS);
    });
    return () => source.close();
  }, [load]);

  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [open]);

  async function markRead(body: { all: true } | { ids: string[] }) {
    const response = await fetch("/api/notifications/read", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.ok) setUnread((await response.json()).unreadCount);
    const now = new Date().toISOString();
    setItems((current) =>
      current.map((i) => ("all" in body || body.ids.includes(i.id) ? { ...i, readAt: i.readAt ?? now } : i)),
    );
  }

  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen(!open)}
      >
        <svg
          aria-hidden="true"
          width="16"
          height="16"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="bell-count" data-testid="unread-count">
            {unread}
          </span>
        )}
      </button>
      {open && (
        <section id="notification-panel" className="bell-panel card" aria-label="Latest notifications">
          <div className="row">
            <strong>Notifications</strong>
            <button type="button" className="link" onClick={() => markRead({ all: true })} disabled={unread === 0}>
              Mark all read
            </button>
            <a href="/notifications">See all</a>
          </div>
          {items.length === 0 ? (
            <p className="muted">Nothing yet.</p>
          ) : (
            <ul className="bell-list">
              {items.map((item) => (
                <li key={item.id} className={item.readAt ? "read" : "unread"}>
                  <a
                    href={item.link ?? "/notifications"}
                    onClick={() => {
                      if (!item.readAt) void markRead({ ids: [item.id] });
                    }}
                  >
                    <strong>{item.title}</strong>
                    <span>{item.body}</span>
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, localTimeZone())}</time>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast" role="status">
            <strong>{toast.title}</strong>
            <span>{toast.body}</span>
            {toast.link && <a href={toast.link}>Open</a>}
            <button
              type="button"
              className="link"
              aria-label="Dismiss"
              onClick={() => setToasts((c) => c.filter((t) => t.id !== toast.id))}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
