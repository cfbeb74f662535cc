"use client";
import { AppError, formatRupees, type Ticket } from "@orderly/shared";
import { useRef, useState, type FormEvent } from "react";
import { problemText } from "./order-actions.ts";
import { useModalDialog } from "./use-modal-dialog.ts";

export interface Handover {
  pin: string;
  /** Sent only when cash is due. */
  cashCollected?: true;
}

/** What the courier reads after a refused handover; `locked`: no PIN will do any more. */
function refusal(error: unknown, code: string): { text: string; locked: boolean } {
  if (error instanceof AppError && error.code === "WRONG_PIN") return { text: error.message, locked: false };
  if (error instanceof AppError && error.code === "PIN_LOCKED") return { text: "Call the restaurant: a manager must complete this delivery", locked: true };
  return { text: problemText(error, code), locked: false };
}

/**
 * The handover at the door, as a sheet at the bottom of the phone: the customer's 4-digit PIN and,
 * when cash is due, the courier's word that it was collected. `deliver` answers null when the order
 * was delivered, else the error; the sheet stays open for another try.
 */
export function HandoverDialog(props: { ticket: Ticket; deliver(handover: Handover): Promise<unknown>; onDismiss(): void }) {
  const dialog = useModalDialog();
  const pinInput = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState("");
  const [cashCollected, setCashCollected] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; locked: boolean } | null>(null);
  const due = props.ticket.payment.amountDuePaise;
  const ready = pin.length === 4 && (due === 0 || cashCollected) && !problem?.locked;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    const error = await props.deliver({ pin, ...(due > 0 && { cashCollected: true }) });
    setBusy(false);
    if (error === null) return;
    setProblem(refusal(error, props.ticket.code));
    setPin("");
    pinInput.current?.focus();
  }

  return (
    <dialog ref={dialog} className="sheet" onClose={props.onDismiss} aria-labelledby="handover-title" data-testid="handover">
      <form onSubmit={submit}>
        <h2 id="handover-title">Hand over {props.ticket.code}</h2>
        <label className="pin">
          PIN from the customer
          <input
            ref={pinInput}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, "").slice(0, 4))}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{4}"
            maxLength={4}
            placeholder="••••"
            disabled={problem?.locked}
            aria-invalid={problem !== null}
            aria-describedby={problem ? "handover-problem" : "pin-hint"}
            autoFocus
          />
        </label>
        {!problem && (
          <p id="pin-hint" className="sheet-hint">
            The customer sees it on their order page.
          </p>
        )}
        {problem && (
          <p id="handover-problem" className="field-error sheet-problem" role="alert">
            {problem.text}
          </p>
        )}
        {due > 0 && (
          <label className="cash-check">
            <input type="checkbox" checked={cashCollected} onChange={(e) => setCashCollected(e.target.checked)} />I collected {formatRupees(due)} in cash
          </label>
        )}
        <div className="sheet-actions">
          <button type="button" className="btn btn-big" onClick={() => dialog.current?.close()}>
            Back
          </button>
          <button className="btn btn-primary btn-big" disabled={!ready || busy}>
            {busy ? "Checking…" : "Confirm delivery"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
