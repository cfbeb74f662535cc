"use client";
import { AppError, type Role, type TokenResponse } from "@orderly/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "./api.ts";

export interface StaffSession extends TokenResponse {
  restaurantSlug: string;
  staffId: string;
}

const KEY = "orderly.staff";
/** The roles each staff screen opens for: a kitchen login opens the expo or one station's screen. */
const SCREEN_ROLES = { kitchen: ["kitchen", "station"], delivery: ["delivery"], manage: ["admin"] } as const satisfies Record<string, readonly Role[]>;
type Screen = keyof typeof SCREEN_ROLES;
const opens = (screen: Screen, role: Role) => (SCREEN_ROLES[screen] as readonly Role[]).includes(role);
/** Tokens live 15 minutes; a fresh one is fetched this long before the current one expires. */
const REFRESH_BEFORE_MS = 3 * 60 * 1000;

function decodeSub(token: string): string {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))).sub;
}

/** The stored login, even with an expired token: the server decides whether the session goes on. */
function read(): StaffSession | null {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "null") as StaffSession | null;
  } catch {
    return null;
  }
}

/**
 * The staff login kept in this browser. Its short-lived token is refreshed before it expires, and
 * again whenever the server says it expired (a tablet that slept); the server refuses when the
 * account was removed, disabled or logged out everywhere, or the login is too old, and then the
 * screen asks to log in again. Being offline never logs anyone out.
 */
export function useStaffSession(screen: Screen) {
  const [session, setSession] = useState<StaffSession | null>(null);
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The newest token, for callbacks that run between a refresh and the next render.
  const token = useRef<string>("");

  const save = useCallback((next: StaffSession | null) => {
    if (next) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
    token.current = next?.token ?? "";
    setSession(next);
  }, []);

  useEffect(() => {
    const stored = read();
    save(stored && opens(screen, stored.role) ? stored : null);
    setReady(true);
  }, [screen, save]);

  const logout = useCallback(
    (message?: string) => {
      save(null);
      setNotice(message ?? null);
    },
    [save],
  );

  /** A fresh token; null when the session is over; throws while the server cannot be reached. */
  const refresh = useCallback(async (): Promise<string | null> => {
    const current = read();
    if (!current) return null;
    try {
      const fresh = await api<TokenResponse>("/api/auth/refresh", { method: "POST", token: current.token });
      save({ ...current, ...fresh });
      return fresh.token;
    } catch (error) {
      if (error instanceof AppError && (error.status === 401 || error.status === 403)) {
        logout(error.message);
        return null;
      }
      throw error;
    }
  }, [save, logout]);

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => void refresh().catch(() => undefined), Math.max(0, Date.parse(session.expiresAt) - Date.now() - REFRESH_BEFORE_MS));
    return () => clearTimeout(timer);
  }, [session, refresh]);

  const login = useCallback(
    /** `stationId` opens that station's screen instead of the expo (kitchen logins only). */
    async (restaurantSlug: string, login: string, password: string, stationId?: string) => {
      const response = await api<TokenResponse>("/api/auth/staff", { body: { restaurantSlug, login, password, stationId } });
      if (!opens(screen, response.role)) {
        throw new Error(`That login is for ${response.role} staff; this screen is for ${screen} staff.`);
      }
      setNotice(null);
      save({ ...response, restaurantSlug, staffId: decodeSub(response.token) });
    },
    [screen, save],
  );

  const currentToken = useCallback(() => token.current, []);

  return { session, ready, notice, login, logout, refresh, currentToken };
}

export type StaffSessionState = ReturnType<typeof useStaffSession>;
