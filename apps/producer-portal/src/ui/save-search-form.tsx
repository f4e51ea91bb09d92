"use client";

import { useState } from "react";
import { sendJson } from "./send-json";

/**
 * "Save this search" under the marketplace's filters: keeps the filters the page was rendered with (not what is typed
 * but not yet searched) under a name, so the member is told when a new lot matches them.
 */
export function SaveSearchForm({ filters, summary }: { filters: Record<string, string>; summary: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    const result = await sendJson<{ name: string }>("/api/saved-searches", "POST", { ...filters, name });
    setSending(false);
    if (result.ok) {
      setSaved(result.body.name);
      setOpen(false);
      setName("");
    } else {
      setError(result.fields.name ? `Name: ${result.fields.name}.` : result.detail);
    }
  }

  if (!open) {
    return (
      <div className="save-search">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOpen(true);
            setSaved(null);
          }}
        >
          Save this search
        </button>
        {saved && (
          <p role="status">
            Saved as “{saved}”. You will be told when a new lot matches.{" "}
            <a href="/saved-searches">Manage saved searches</a>
          </p>
        )}
      </div>
    );
  }
  return (
    <form className="save-search card" onSubmit={submit}>
      <p className="muted">Keeps {summary}. You are told in the app and by email when a new lot matches.</p>
      <div className="field">
        <label htmlFor="saved-search-name">Name for these filters</label>
        <input
          id="saved-search-name"
          value={name}
          maxLength={80}
          required
          onChange={(event) => setName(event.target.value)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "saved-search-name-error" : undefined}
        />
        {error && (
          <p id="saved-search-name-error" role="alert" className="error">
            {error}
          </p>
        )}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={sending}>
          {sending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
