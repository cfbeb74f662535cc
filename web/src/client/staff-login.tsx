"use client";
import type { Restaurant } from "@orderly/shared";
import { useState, type FormEvent } from "react";

export function StaffLogin(props: {
  title: string;
  defaultLogin: string;
  restaurants: Pick<Restaurant, "slug" | "name">[];
  notice: string | null;
  onLogin(restaurantSlug: string, login: string, password: string): Promise<void>;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await props.onLogin(String(form.get("restaurant")), String(form.get("login")), String(form.get("password")));
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
        <select name="restaurant" defaultValue={props.restaurants[0]?.slug}>
          {props.restaurants.map((r) => (
            <option key={r.slug} value={r.slug}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Login
        <input name="login" defaultValue={props.defaultLogin} autoComplete="username" required />
      </label>
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
