"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { FormProblem } from "./form-problem";
import type { JsonCall } from "./submit-json";
import { type Submitter, useSubmit } from "./use-submit";

export interface Action {
  submitter: Submitter;
  /** What the last call that went through did, in words (or a one-time secret to copy). */
  outcome: ReactNode;
  /** Sends the call; on success shows `describe(answer)` and refreshes the page's server data. */
  run<T = Record<string, unknown>>(call: JsonCall, describe: (answer: T) => ReactNode, form?: HTMLFormElement): void;
}

/** An admin's one-click (or one small form) call whose outcome is shown beside it: useSubmit plus a result line. */
export function useAction(): Action {
  const router = useRouter();
  const submitter = useSubmit();
  const [outcome, setOutcome] = useState<ReactNode>(null);
  return {
    submitter,
    outcome,
    run<T>(call: JsonCall, describe: (answer: T) => ReactNode, form?: HTMLFormElement) {
      setOutcome(null);
      void submitter.send<T>(call, {
        form,
        done: (answer) => {
          setOutcome(describe(answer));
          router.refresh();
        },
      });
    },
  };
}

/** The outcome of an Action, or its problem with "Try again". */
export function ActionOutcome({ action }: { action: Action }) {
  return (
    <>
      {action.outcome && <span aria-live="polite">{action.outcome}</span>}
      <FormProblem submitter={action.submitter} />
    </>
  );
}
