"use client";
import type { Restaurant } from "@orderly/shared";
import { useState, type FormEvent } from "react";

export interface LoginRestaurant extends Pick<Restaurant, "slug" | "name"> {
  /** The kitchen's stations, when this screen may open one of them instead of the expo. */
  stations?: { id: string; name: string }[];
}

export function StaffLogin(props: {
  title: string;
  /** Prefilled in the login field (a screen's one shared demo account). */
  defaultLogin?: string;
  /** Said under the login field (which demo accounts there are). */
  hint?: string;
  restaurants: LoginRestaurant[];
  notice: string | null;
  onLogin(restaurantSlug: string, login: string, password: string, stationId?: string): Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [slug, setSlug] = useState(props.restaurants[0]?.slug ?? "");
  const stations = props.restaurants.find((r) => r.slug === slug)?.stations;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await props.onLogin(slug, String(form.get("login")), String(form.get("password")), String(form.get("screen") ?? "") || undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Login failed");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="login" onSubmit={submit}>
      <h1>{props.title}</h1>
      {props.notice && <p className="notice">{props.notice}</p>}
      <label>
        Restaurant
        <select name="restaurant" value={slug} onChange={(e) => setSlug(e.target.value)}>
          {props.restaurants.map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      {stations && (
        <label>
          Screen
          {/* Keyed by restaurant: another restaurant's stations start again from the expo. */}
          <select key={slug} name="screen" defaultValue="">
            <option value="">Expo (whole kitchen)</option>
            {stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Login
        <input name="login" defaultValue={props.defaultLogin} autoComplete="username" aria-describedby={props.hint ? "login-hint" : undefined} required />
      </label>
      {props.hint && (
        <p id="login-hint" className="muted login-hint">
          {props.hint}
        </p>
      )}
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button className="btn btn-primary btn-big" disabled={busy}>
        {busy ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}
