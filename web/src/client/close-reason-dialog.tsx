"use client";
import { CLOSE_REASONS_FOR, type ClosingStatus, type CloseReason, type CloseReasonDetail, type Ticket } from "@orderly/shared";
import { useState, type FormEvent } from "react";
import { KITCHEN_CLOSE_REASONS } from "./kitchen-labels.ts";
import { useModalDialog } from "./use-modal-dialog.ts";

/** The longest note closeReasonDetailSchema takes. */
const NOTE_MAX_LENGTH = 200;

const WORDS: Record<ClosingStatus, { title: string; confirm: string }> = {
  CANCELLED: { title: "Cancel", confirm: "Cancel order" },
  REJECTED: { title: "Reject", confirm: "Reject order" },
  DELIVERY_FAILED: { title: "Could not deliver", confirm: "Report failed delivery" },
};

/**
 * Asks why before a ticket is cancelled or rejected, or a delivery reported failed: nothing is
 * sent, and the customer hears nothing, until a reason that fits is chosen (with a note for
 * Other) and confirmed.
 */
export function CloseReasonDialog(props: {
  ticket: Ticket;
  to: ClosingStatus;
  onConfirm(reason: CloseReasonDetail): void;
  onDismiss(): void;
}) {
  const dialog = useModalDialog();
  const [code, setCode] = useState<CloseReason | null>(null);
  const [note, setNote] = useState("");
  const words = WORDS[props.to];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!code) return;
    props.onConfirm(code === "OTHER" ? { code, note: note.trim() } : { code });
  }

  return (
    <dialog ref={dialog} className="kds-dialog" onClose={props.onDismiss} aria-labelledby="close-reason-title" data-testid="close-reason">
      <form onSubmit={submit}>
        <h2 id="close-reason-title">
          {words.title} {props.ticket.code}?
        </h2>
        <p className="muted-dark">The customer is told why. Nothing is sent until you confirm.</p>
        <fieldset className="reasons">
          <legend>Why?</legend>
          {CLOSE_REASONS_FOR[props.to].map((option) => (
            <label key={option} className="reason">
              <input type="radio" name="reason" value={option} checked={code === option} onChange={() => setCode(option)} />
              {KITCHEN_CLOSE_REASONS[option]}
            </label>
          ))}
        </fieldset>
        {code === "OTHER" && (
          <label className="reason-note">
            What happened?
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={NOTE_MAX_LENGTH} autoFocus />
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn btn-big" onClick={() => dialog.current?.close()}>
            Back
          </button>
          <button className="btn btn-big btn-danger-solid" disabled={!code || (code === "OTHER" && !note.trim())}>
            {words.confirm}
          </button>
        </div>
      </form>
    </dialog>
  );
}
