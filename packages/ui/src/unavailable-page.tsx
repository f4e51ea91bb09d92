"use client";

import { useEffect, useState } from "react";

type Diagnosis = "checking" | "database-unavailable" | "portal-unreachable" | "fault";

/**
 * What a page shows when the server could not render it. In production the error reaches the browser without its
 * message (only a digest), so the page asks /api/health whether the database answers: while it does not, the portal
 * is temporarily unavailable and trying again in a moment is all there is to do; otherwise it is a fault to report.
 * Each portal's error.tsx and global-error.tsx render it, with the `error` and `retry` Next.js hands them.
 */
export function UnavailablePage({ error, retry }: { error: unknown; retry: () => void }) {
  const [diagnosis, setDiagnosis] = useState<Diagnosis>("checking");
  useEffect(() => {
    fetch("/api/health", { cache: "no-store" }).then(
      (response) => setDiagnosis(response.status === 503 ? "database-unavailable" : "fault"),
      () => setDiagnosis("portal-unreachable"),
    );
  }, []);
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <main className="narrow stack">
      <title>Temporarily unavailable · Lotbridge</title>
      <h1>{diagnosis === "fault" ? "Something went wrong" : "Temporarily unavailable"}</h1>
      <p role="status">{EXPLANATIONS[diagnosis]}</p>
      {diagnosis === "fault" && digest && (
        <p className="muted">
          If it keeps happening, tell the portal's operator and quote reference <code>{digest}</code>.
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" onClick={() => retry()}>
          Try again
        </button>
      </div>
    </main>
  );
}

const EXPLANATIONS: Record<Diagnosis, string> = {
  checking: "This page could not be shown just now. Try again in a moment.",
  "database-unavailable":
    "The portal cannot reach its database at the moment. This is usually over within minutes: try again in a moment.",
  "portal-unreachable": "The portal is not answering at the moment. Check your connection, then try again in a moment.",
  fault: "This page could not be shown because of a fault on our side. Try again in a moment.",
};
