"use client";

import { useRef, useState } from "react";
import { type FieldErrors, type JsonCall, type Submitted, submitJson } from "./submit-json";

type Refusal<T> = Extract<Submitted<T>, { ok: false }>;

/** A form-level message; `retry` is there when sending again may help (network cut, portal restarting). */
export interface FormProblemState {
  text: string;
  retry?: () => void;
}

export interface SendOptions<T> {
  /** Runs with the answer's body once the portal took the request (navigate, refresh, say what happened). */
  done?: (body: T) => void | Promise<void>;
  /** The form being sent: "Try again" submits it again with what it holds then. Without it the request is repeated. */
  form?: HTMLFormElement | null;
  /** The form-level sentence when the portal refused some fields (each field's own message sits beside it). */
  fieldsMessage?: string;
  /** Words a refusal in the form's own terms (sign-in's 401, say); the problem's detail when it returns nothing. */
  describe?: (refusal: Refusal<T>) => string | undefined;
}

export interface Submitter {
  /** True from the moment a request leaves until its answer (or failure) is in; never longer. */
  sending: boolean;
  fieldErrors: FieldErrors;
  problem: FormProblemState | null;
  /** Sends one request; ignored (null) while another of this form is on its way. */
  send<T = unknown>(call: JsonCall, options?: SendOptions<T>): Promise<Submitted<T> | null>;
  /** Shows problems found before sending (a missing reason, say) the same way as the portal's. */
  refuse(fieldErrors: FieldErrors, text?: string): void;
  clear(): void;
}

/**
 * The one way a form or action button of either portal talks to its API: one request at a time, the sending state
 * always left, the portal's problem+json field errors ready to show beside their fields, and a network failure shown
 * as a message with "Try again". Pair it with FormField and FormProblem.
 */
export function useSubmit(): Submitter {
  const [sending, setSending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<FormProblemState | null>(null);
  const inFlight = useRef(false);

  async function send<T>(call: JsonCall, options: SendOptions<T> = {}): Promise<Submitted<T> | null> {
    if (inFlight.current) return null;
    inFlight.current = true;
    setSending(true);
    setProblem(null);
    let answer: Submitted<T>;
    try {
      answer = await submitJson<T>(call);
    } finally {
      inFlight.current = false;
      setSending(false);
    }
    if (answer.ok) {
      setFieldErrors({});
      await options.done?.(answer.body);
      return answer;
    }
    setFieldErrors(answer.fieldErrors);
    const form = options.form;
    const retry = answer.retryable ? (form ? () => form.requestSubmit() : () => void send(call, options)) : undefined;
    const fields = Object.keys(answer.fieldErrors).length > 0;
    const text =
      options.describe?.(answer) ??
      (fields ? (options.fieldsMessage ?? "Nothing was sent. Correct the fields marked below.") : answer.detail);
    setProblem({ text, retry });
    return answer;
  }

  return {
    sending,
    fieldErrors,
    problem,
    send,
    refuse(errors, text) {
      setFieldErrors(errors);
      setProblem(text ? { text } : null);
    },
    clear() {
      setFieldErrors({});
      setProblem(null);
    },
  };
}
