"use client";

import type { Submitter } from "./use-submit";

/**
 * The form-level message of a Submitter: what went wrong in a sentence, and "Try again" when sending again may help.
 * Give it an `id` and point the form's aria-describedby at it. Spans only, so it may sit in a paragraph or a table cell.
 */
export function FormProblem({ submitter, id }: { submitter: Pick<Submitter, "problem" | "sending">; id?: string }) {
  const { problem, sending } = submitter;
  if (!problem) return null;
  return (
    <span id={id} role="alert" className="form-problem">
      <span className="error">{problem.text}</span>
      {problem.retry && (
        <button type="button" className="secondary" onClick={problem.retry} disabled={sending}>
          Try again
        </button>
      )}
    </span>
  );
}
