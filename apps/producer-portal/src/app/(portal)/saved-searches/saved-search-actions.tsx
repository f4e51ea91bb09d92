"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/ui/send-json";

/** Rename (inline) and delete (asked once) for one saved search; the list re-renders from the server after each. */
export function SavedSearchActions({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "renaming" | "deleting">("idle");
  const [draft, setDraft] = useState(name);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/saved-searches/${encodeURIComponent(id)}`;

  async function act(method: "PATCH" | "DELETE") {
    setSending(true);
    setError(null);
    const result = await sendJson(url, method, method === "PATCH" ? { name: draft } : undefined);
    setSending(false);
    if (!result.ok) {
      setError(result.fields.name ? `Name: ${result.fields.name}.` : result.detail);
      return;
    }
    setMode("idle");
    router.refresh();
  }

  if (mode === "renaming") {
    return (
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          void act("PATCH");
        }}
      >
        <label className="visually-hidden" htmlFor={`rename-${id}`}>
          New name for {name}
        </label>
        <input id={`rename-${id}`} value={draft} maxLength={80} required onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="primary" disabled={sending}>
          {sending ? "Saving…" : "Save name"}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setMode("idle");
            setError(null);
            setDraft(name);
          }}
        >
          Cancel
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
    );
  }
  if (mode === "deleting") {
    return (
      <div className="row">
        <span>Delete “{name}”?</span>
        <button type="button" className="danger" disabled={sending} onClick={() => void act("DELETE")}>
          {sending ? "Deleting…" : "Delete"}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setMode("idle");
            setError(null);
          }}
        >
          Keep it
        </button>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="row">
      <button type="button" className="secondary" onClick={() => setMode("renaming")} aria-label={`Rename ${name}`}>
        Rename
      </button>
      <button type="button" className="secondary" onClick={() => setMode("deleting")} aria-label={`Delete ${name}`}>
        Delete
      </button>
    </div>
  );
}
