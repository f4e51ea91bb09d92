"use client";

import { formatDateTime } from "@lotbridge/format/format-date-time";
import { localTimeZone } from "@lotbridge/format/local-time-zone";
import { useCallback, useEffect, useState } from "react";

interface Item {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The full notification list: newest first, paged, filtered by unread and type, each markable as read. */
export function NotificationList({ types }: { types: { type: string; label: string }[] }) {
  const [items, setItems] = useState<Item[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [type, setType] = useState("");

  const load = useCallback(
    async (before?: string) => {
      const query = new URLSearchParams({ limit: "20" });
      if (unreadOnly) query.set("unread", "true");
      if (type) query.set("type", type);
      if (before) query.set("before", before);
      const response = await fetch(`/api/notifications?${query}`);
      if (!response.ok) return;
      const page = await response.json();
      setItems((current) => (before ? [...current, ...page.notifications] : page.notifications));
      setNext(page.nextBefore);
    },
    [unreadOnly, type],
  );

  useEffect(() => {
    void load();
  }, [load]);

  async function markRead(ids: string[] | "all") {
    await fetch("/api/notifications/read", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ids === "all" ? { all: true } : { ids }),
    });
    void load();
  }

  return (
    <section className="stack">
      <div className="row">
        <label className="inline">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
        </label>
        <label className="inline">
          Type{" "}
          <select value={type} onChange={(e) => setType(e.target.value)}>
            <option value="">All</option>
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => markRead("all")}>
          Mark all read
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">No notifications.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Notification</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} className={item.readAt ? "read" : "unread"}>
                <td>
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, localTimeZone())}</time>
                </td>
                <td>
                  {item.link ? <a href={item.link}>{item.title}</a> : <strong>{item.title}</strong>}
                  <div className="muted">{item.body}</div>
                </td>
                <td>
                  {!item.readAt && (
                    <button type="button" onClick={() => markRead([item.id])}>
                      Mark read
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => load(next)}>
          Older
        </button>
      )}
    </section>
  );
}
