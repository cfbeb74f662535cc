import type { Ref } from "react";
import type { FieldErrors } from "./form-errors.ts";

/**
 * Every error of the last attempt, by the Place order button where the customer tapped. Always in
 * the page, so screen readers announce the alert when its content changes.
 */
export function ErrorSummary({ sentences, ref }: { sentences: FieldErrors; ref: Ref<HTMLDivElement> }) {
  const list = [...new Set(Object.values(sentences))];
  return (
    <div role="alert" ref={ref} tabIndex={-1} className={list.length > 0 ? "error-summary" : undefined} data-testid="form-errors">
      {list.length > 0 && (
        <>
          <p>Please check your order:</p>
          <ul>
            {list.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
