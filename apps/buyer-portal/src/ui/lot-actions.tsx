"use client";

import type { Lot } from "@lotbridge/contract/lot";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { localTimeZone } from "@lotbridge/format/local-time-zone";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

type Action = "publish" | "close" | "cancel" | "delete";

const CONFIRM: Record<Action, { title: string; explain: (lot: Lot) => string; yes: string; no: string }> = {
  publish: {
    title: "Publish this lot?",
    explain: (lot) =>
      `Producers will see every detail of ${lot.number} and can bid until ${formatDateTime(lot.biddingDeadline, localTimeZone())}. You can still edit it afterwards; producers see each change.`,
    yes: "Publish now",
    no: "Keep as draft",
  },
  close: {
    title: "Close bidding now?",
    explain: (lot) => `No producer can bid on ${lot.number} any more, although its deadline has not come yet.`,
    yes: "Close bidding",
    no: "Keep open",
  },
  cancel: {
    title: "Cancel this lot?",
    explain: (lot) =>
      lot.status === "draft"
        ? `${lot.number} was never published; it will stay in your list as cancelled.`
        : `${lot.number} disappears from the producers' marketplace and its bids can no longer be accepted. This cannot be undone.`,
    yes: "Cancel lot",
    no: "Keep lot",
  },
  delete: {
    title: "Delete this draft?",
    explain: (lot) => `${lot.number} was never published. It is removed for good.`,
    yes: "Delete draft",
    no: "Keep draft",
  },
};

const DONE: Record<Action, (lot: Lot) => string> = {
  publish: (lot) => `${lot.number} is published: producers can see it now.`,
  close: (lot) => `Bidding on ${lot.number} is closed.`,
  cancel: (lot) => `${lot.number} is cancelled.`,
  delete: (lot) => `${lot.number} was deleted.`,
};

/** What the buyer can do with the lot in its state; each change is confirmed first, and refusals are shown as said. */
export function LotActions({ lot }: { lot: Lot }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submitter = useSubmit();

  const actions: Action[] =
    lot.status === "draft"
      ? ["publish", "delete"]
      : lot.status === "published"
        ? ["close", "cancel"]
        : lot.status === "closed"
          ? ["cancel"]
          : [];
  const label: Record<Action, string> = {
    publish: "Publish",
    close: "Close bidding",
    cancel: "Cancel lot",
    delete: "Delete draft",
  };

  function ask(action: Action) {
    setPending(action);
    setDone(null);
    submitter.clear();
    dialog.current?.showModal();
  }

  async function confirm() {
    if (!pending) return;
    const action = pending;
    await submitter.send(
      {
        url: action === "delete" ? `/api/lots/${lot.id}` : `/api/lots/${lot.id}/${action}`,
        method: action === "delete" ? "DELETE" : "POST",
      },
      {
        done: () => {
          setDone(DONE[action](lot));
          if (action === "delete") router.push("/");
          router.refresh();
        },
      },
    );
    dialog.current?.close();
  }

  const editable = lot.status === "draft" || lot.status === "published";
  return (
    <div className="stack">
      <div className="row">
        {editable && (
          <a className="button" href={`/lots/${lot.id}/edit`}>
            Edit
          </a>
        )}
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === "publish" ? "primary" : action === "close" ? "secondary" : "danger"}
            onClick={() => ask(action)}
          >
            {label[action]}
          </button>
        ))}
      </div>
      {done && <p role="status">{done}</p>}
      <FormProblem submitter={submitter} id="lot-action-problem" />
      <dialog
        ref={dialog}
        className="confirm"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-explain"
        onClose={() => setPending(null)}
      >
        {pending && (
          <div className="stack">
            <h2 id="confirm-title">{CONFIRM[pending].title}</h2>
            <p id="confirm-explain">{CONFIRM[pending].explain(lot)}</p>
            <div className="row">
              <button type="button" className="primary" onClick={confirm} disabled={submitter.sending}>
                {submitter.sending ? "Working…" : CONFIRM[pending].yes}
              </button>
              <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
                {CONFIRM[pending].no}
              </button>
            </div>
          </div>
        )}
      </dialog>
    </div>
  );
}
