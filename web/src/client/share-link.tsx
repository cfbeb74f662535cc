"use client";
import { useState } from "react";

type Outcome = "idle" | "copied" | "failed";

/** Phones share through the system sheet (Web Share API); elsewhere the link is copied. */
const sharesNatively = () => typeof navigator.share === "function" && matchMedia("(pointer: coarse)").matches;

/**
 * Passes this page on (to follow the order on another device): "Link copied" only once the
 * clipboard took it; otherwise the link is shown to select by hand.
 */
export function ShareLink({ url, code }: { url: string; code: string }) {
  const [outcome, setOutcome] = useState<Outcome>("idle");

  async function share() {
    if (sharesNatively()) {
      // A dismissed sheet rejects too: nothing to say then.
      await navigator.share({ title: `Order ${code}`, text: `Follow order ${code} live`, url }).catch(() => undefined);
      return;
    }
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(url);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  }

  return (
    <div className="share-link">
      <button className="btn btn-wide" onClick={share}>
        {outcome === "copied" ? "Link copied" : sharesNatively() ? "Share link to this page" : "Copy link to this page"}
      </button>
      {outcome === "failed" && (
        <label className="share-fallback">
          Could not copy. Select this link and copy it:
          <input readOnly value={url} onFocus={(e) => e.currentTarget.select()} data-testid="share-url" />
        </label>
      )}
    </div>
  );
}
