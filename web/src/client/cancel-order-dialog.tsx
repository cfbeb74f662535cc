"use client";
import { canTransition } from "@orderly/shared";
import type { LiveFeed } from "@orderly/shared/client";
import { useState } from "react";
import { changeOrder } from "./order-actions.ts";
import { useModalDialog } from "./use-modal-dialog.ts";

function ConfirmCancel({ code, onConfirm, onDismiss }: { code: string; onConfirm(): void; onDismiss(): void }) {
  const dialog = useModalDialog();
  return (
    <dialog ref={dialog} className="confirm-dialog" onClose={onDismiss} aria-labelledby="cancel-title" data-testid="cancel-dialog">
      <h2 id="cancel-title">Cancel order {code}?</h2>
      <p>The restaurant has not started on it yet. Once cancelled, it cannot be brought back.</p>
      <div className="confirm-actions">
        <button type="button" className="btn" onClick={() => dialog.current?.close()} autoFocus>
          Keep my order
        </button>
        <button type="button" className="btn btn-danger" onClick={onConfirm}>
          Yes, cancel it
        </button>
      </div>
    </dialog>
  );
}

/**
 * The customer's cancel while the restaurant has not accepted: asked once more in a dialog, then
 * sent. The page shows Cancelled from the answer; when the kitchen was quicker, it says so.
 */
export function CancelOrder({ live, token, orderId, code }: { live: LiveFeed; token: string; orderId: string; code: string }) {
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function cancel() {
    setAsking(false);
    setSending(true);
    const failed = await changeOrder(live, token, orderId, "transitions", { to: "CANCELLED" });
    setSending(false);
    const ticket = live.feed.ticket(orderId);
    const stillCancellable = ticket && canTransition("customer", ticket.status, "CANCELLED", ticket.fulfilment);
    setProblem(failed && (stillCancellable ? failed : "The restaurant has already started on it. Call them to cancel."));
  }

  return (
    <>
      <button className="btn btn-danger btn-wide" onClick={() => setAsking(true)} disabled={sending}>
        {sending ? "Cancelling…" : "Cancel order"}
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {asking && <ConfirmCancel code={code} onConfirm={cancel} onDismiss={() => setAsking(false)} />}
    </>
  );
}
