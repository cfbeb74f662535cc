"use client";
import type { Role, TokenResponse } from "@orderly/shared";
import { useCallback, useEffect, useState } from "react";
import { api } from "./api.ts";

export interface StaffSession extends TokenResponse {
  restaurantSlug: string;
  staffId: string;
}

const KEY = "orderly.staff";
const REFRESH_BEFORE_MS = 10 * 60 * 1000;

function decodeSub(token: string): string {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))).sub;
}

function read(): StaffSession | null {
  try {
    const session = JSON.parse(localStorage.getItem(KEY) ?? "null") as StaffSession | null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

/**
 * The staff login kept in this browser until it expires. It is refreshed ten minutes before
 * expiry; if that fails the screen asks to log in again.
 */
export function useStaffSession(role: Role) {
  const [session, setSession] = useState<StaffSession | null>(null);
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const save = useCallback((next: StaffSession | null) => {
    if (next) localStorage.setItem(KEY, JSON.stringify(next));
    else localStorage.removeItem(KEY);
    setSession(next);
  }, []);

  useEffect(() => {
    const stored = read();
    setSession(stored?.role === role ? stored : null);
    setReady(true);
  }, [role]);

  const refresh = useCallback(async (): Promise<string | null> => {
    const current = read();
    if (!current) {
      save(null);
      setNotice("Your session expired. Please log in again.");
      return null;
    }
    try {
      const fresh = await api<TokenResponse>("/api/auth/refresh", { method: "POST", token: current.token });
      const next = { ...current, ...fresh };
      save(next);
      return next.token;
    } catch {
      save(null);
      setNotice("Your session expired. Please log in again.");
      return null;
    }
  }, [save]);

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => void refresh(), Math.max(0, Date.parse(session.expiresAt) - Date.now() - REFRESH_BEFORE_MS));
    return () => clearTimeout(timer);
  }, [session, refresh]);

  const login = useCallback(
    async (restaurantSlug: string, login: string, password: string) => {
      const response = await api<TokenResponse>("/api/auth/staff", { body: { restaurantSlug, login, password } });
      if (response.role !== role) {
        throw new Error(`That login is for ${response.role} staff; this screen is for ${role} staff.`);
      }
      setNotice(null);
      save({ ...response, restaurantSlug, staffId: decodeSub(response.token) });
    },
    [role, save],
  );

  const logout = useCallback((message?: string) => {
    save(null);
    setNotice(message ?? null);
  }, [save]);

  return { session, ready, notice, login, logout, refresh };
}
