"use client";

import { useEffect, useState } from "react";
import { FormProblem } from "./form-problem";
import { submitJson } from "./submit-json";
import { useSubmit } from "./use-submit";

interface Preference {
  type: string;
  label: string;
  email: boolean;
}

/** Email on or off per kind of notification (in-app is always on), and a test notification to check delivery. */
export function NotificationSettings() {
  const [preferences, setPreferences] = useState<Preference[]>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const submitter = useSubmit();

  async function load() {
    setLoadProblem(null);
    const answer = await submitJson<{ data: Preference[] }>({ url: "/api/notifications/preferences", method: "GET" });
    if (answer.ok) setPreferences(answer.body.data);
    else setLoadProblem(answer.detail);
  }

  useEffect(() => {
    void load();
  }, []);

  function choose(type: string, email: boolean) {
    setStatus("");
    void submitter.send(
      { url: "/api/notifications/preferences", method: "PUT", body: { type, email } },
      {
        done: () => {
          setPreferences((current) => current.map((p) => (p.type === type ? { ...p, email } : p)));
          setStatus("Saved.");
        },
      },
    );
  }

  function sendTest() {
    setStatus("");
    void submitter.send({ url: "/api/notifications/test" }, { done: () => setStatus("Test notification sent.") });
  }

  return (
    <section className="stack">
      {loadProblem && (
        <p role="alert" className="form-problem">
          <span className="error">{loadProblem}</span>
          <button type="button" className="secondary" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      <div className="table-scroll">
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
                    <input
                      type="checkbox"
                      checked={p.email}
                      disabled={submitter.sending}
                      onChange={(e) => choose(p.type, e.target.checked)}
                    />
                    <span className="visually-hidden">Email for {p.label}</span>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="row">
        <button type="button" onClick={sendTest} disabled={submitter.sending}>
          Send me a test notification
        </button>
        <span role="status">{status}</span>
        <FormProblem submitter={submitter} />
      </div>
    </section>
  );
}
