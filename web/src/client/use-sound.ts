"use client";
import { useEffect, useSyncExternalStore } from "react";
import { disableSound, enableSound, restoreSound, resumeSound, soundState, subscribeSound, type SoundState } from "./alert-sound.ts";

/** The kitchen's sound choice, kept on this device across reloads. */
const KEY = "orderly.kitchen.sound";

/**
 * Whether the kitchen screen chimes, remembered on the device. After a reload the browser needs a
 * tap before it plays anything: while sound waits for one, any tap on the page resumes it.
 */
export function useSound(): { state: SoundState; toggle(): void } {
  const state = useSyncExternalStore<SoundState>(subscribeSound, soundState, () => "off");

  useEffect(() => {
    if (localStorage.getItem(KEY) === "on") restoreSound();
  }, []);

  useEffect(() => {
    if (state !== "waiting") return;
    document.addEventListener("pointerdown", resumeSound);
    document.addEventListener("keydown", resumeSound);
    return () => {
      document.removeEventListener("pointerdown", resumeSound);
      document.removeEventListener("keydown", resumeSound);
    };
  }, [state]);

  function toggle() {
    if (state === "on") disableSound();
    else enableSound();
    localStorage.setItem(KEY, state === "on" ? "off" : "on");
  }

  return { state, toggle };
}
