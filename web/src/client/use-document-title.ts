"use client";
import { useEffect } from "react";

/** Sets the tab's title once a screen knows it (the restaurant after login, the order's status). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
