"use client";
import { useEffect, useRef } from "react";

/** A native <dialog> shown modal while mounted (Escape and close() call its onClose). */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  return dialog;
}
