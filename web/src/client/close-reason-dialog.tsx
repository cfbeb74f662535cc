"use client";
import { closeReasonSchema, type CloseReason, type CloseReasonDetail, type Ticket } from "@orderly/shared";
import { useState, type FormEvent } from "react";
import { KITCHEN_CLOSE_REASONS } from "./kitchen-labels.ts";
import { useModalDialog } from "./use-modal-dialog.ts";

/** The longest note closeReasonDetailSchema takes. */
const NOTE_MAX_LENGTH = 200;

/**
 * Asks why before a ticket is cancelled or rejected: nothing is sent, and the customer hears
 * nothing, until a reason is chosen (with a note for Other) and confirmed.
 */
export function CloseReasonDialog(props: {
  ticket: Ticket;
  to: "CANCELLED" | "REJECTED";
  onConfirm(reason: CloseReasonDetail): void;
  onDismiss(): void;
}) {
  const dialog = useModalDialog();
  const [code, setCode] = useState<CloseReason | null>(null);
  const [note, setNote] = useState("");
  const verb = props.to === "REJECTED" ? "Reject" : "Cancel";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!code) return;
    props.onConfirm(code === "OTHER" ? { code, note: note.trim() } : { code });
  }

  return (
    <dialog ref={dialog} className="kds-dialog" onClose={props.onDismiss} aria-labelledby="close-reason-title" data-testid="close-reason">
      <form onSubmit={submit}>
        <h2 id="close-reason-title">
          {verb} {props.ticket.code}?
        </h2>
        <p className="muted-dark">The customer is told why. Nothing is sent until you confirm.</p>
        <fieldset className="reasons">
          <legend>Why?</legend>
          {closeReasonSchema.options.map((option) => (
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
            {verb} order
          </button>
        </div>
      </form>
    </dialog>
  );
}
