"use client";

import { useEffect, useState } from "react";

interface Preference {
  type: string;
  label: string;
  email: boolean;
}

/** Email on or off per kind of notification (in-app is always on), and a test notification to check delivery. */
export function NotificationSettings() {
  const [preferences, setPreferences] = useState<Preference[]>([]);
  const [status, setStatus] = useState("");

  useEffect(() => {
    void fetch("/api/notifications/preferences")
      .then((r) => r.json())
      .then((body) => setPreferences(body.data));
  }, []);

  async function choose(type: string, email: boolean) {
    const response = await fetch("/api/notifications/preferences", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type, email }),
    });
    if (response.ok) {
      setPreferences((current) => current.map((p) => (p.type === type ? { ...p, email } : p)));
      setStatus("Saved.");
    } else {
      setStatus("Could not save; try again.");
    }
  }

  async function sendTest() {
    const response = await fetch("/api/notifications/test", { method: "POST" });
    setStatus(response.ok ? "Test notification sent." : "Could not send a test notification.");
  }

  return (
    <section className="stack">
      <table>
        <thead>
          <tr>
            <th>Notification</th>
            <th>In the app</th>
            <th>By email</th>
          </tr>
        </thead>
        <tbody>
          {preferences.map((p) => (
            <tr key={p.type}>
              <td>{p.label}</td>
              <td>always</td>
              <td>
                <label className="inline">
                  <input type="checkbox" checked={p.email} onChange={(e) => choose(p.type, e.target.checked)} />
                  <span className="visually-hidden">Email for {p.label}</span>
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" onClick={sendTest}>
          Send me a test notification
        </button>
        <span role="status">{status}</span>
      </div>
    </section>
  );
}
