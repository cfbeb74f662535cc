"use client";
import { AppError, formatRupees, REPORT_TABLES, type Report, type ReportTable } from "@orderly/shared";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api } from "./api.ts";
import { SECTIONS } from "./report-sections.tsx";
import { StaffLogin, type LoginRestaurant } from "./staff-login.tsx";
import { useStaffSession } from "./staff-session.ts";
import { useDocumentTitle } from "./use-document-title.ts";

export interface ReportRestaurant extends LoginRestaurant {
  timeZone: string;
}

interface Range {
  from: string;
  to: string;
}

/** The last seven days, today included, by the restaurant's calendar (not this device's). */
function lastWeek(timeZone: string): Range {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
  return { from: new Date(Date.parse(today) - 6 * 86_400_000).toISOString().slice(0, 10), to: today };
}

export function ReportsScreen({ restaurants }: { restaurants: ReportRestaurant[] }) {
  const { session, ready, notice, login, logout, refresh, currentToken } = useStaffSession("manage");
  const restaurant = restaurants.find((r) => r.slug === session?.restaurantSlug);
  useDocumentTitle(restaurant ? `Reports — ${restaurant.name}` : "Reports");
  if (!ready) return null;
  if (!session || !restaurant) return <StaffLogin title="Reports" defaultLogin="admin" hint="Demo admin: admin" restaurants={restaurants} notice={notice} onLogin={login} />;
  return <Reports restaurant={restaurant} currentToken={currentToken} refresh={refresh} onLogout={() => logout()} />;
}

function Reports(props: { restaurant: ReportRestaurant; currentToken(): string; refresh(): Promise<string | null>; onLogout(): void }) {
  const { restaurant, currentToken, refresh } = props;
  const [range, setRange] = useState<Range>(() => lastWeek(restaurant.timeZone));
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);

  /** A GET with the session's token, once more with a fresh one if it had expired. */
  const authed = useCallback(
    async <T,>(request: (token: string) => Promise<T>): Promise<T> => {
      try {
        return await request(currentToken());
      } catch (e) {
        if (!(e instanceof AppError && e.code === "TOKEN_EXPIRED")) throw e;
        const token = await refresh();
        if (!token) throw e;
        return request(token);
      }
    },
    [currentToken, refresh],
  );

  useEffect(() => {
    let current = true;
    const query = new URLSearchParams({ from: range.from, to: range.to });
    setError(null);
    setLoading(true);
    authed((token) => api<Report>(`/api/restaurants/${restaurant.slug}/reports?${query}`, { token }))
      .then(
        (next) => current && setReport(next),
        (e: unknown) => current && setError(e instanceof AppError ? e : new AppError("INTERNAL", "The report could not be read")),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [range, restaurant.slug, authed]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setRange({ from: String(form.get("from")), to: String(form.get("to")) });
  }

  async function download(table: ReportTable) {
    const query = new URLSearchParams({ from: range.from, to: range.to });
    const response = await authed(async (token) => {
      const answer = await fetch(`/api/restaurants/${restaurant.slug}/reports/${table}.csv?${query}`, { headers: { authorization: `Bearer ${token}` }, cache: "no-store" });
      if (!answer.ok) throw AppError.fromBody(answer.status, await answer.json().catch(() => undefined));
      return answer;
    });
    const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `${table}.csv`;
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  const fieldError = (field: "from" | "to") => error?.fields?.[field];
  return (
    <>
      <header className="reports-header">
        <h1>Reports — {restaurant.name}</h1>
        <nav>
          <a href="/manage">Live board</a>
          <button type="button" className="link-button" onClick={props.onLogout}>
            Log out
          </button>
        </nav>
      </header>
      <form className="reports-range" onSubmit={submit} key={`${range.from}/${range.to}`}>
        <label>
          From
          <input type="date" name="from" defaultValue={range.from} required aria-invalid={Boolean(fieldError("from"))} />
          {fieldError("from") && <span className="field-error">{fieldError("from")}</span>}
        </label>
        <label>
          To
          <input type="date" name="to" defaultValue={range.to} required aria-invalid={Boolean(fieldError("to"))} />
          {fieldError("to") && <span className="field-error">{fieldError("to")}</span>}
        </label>
        <button className="btn btn-primary">Show</button>
        <p className="muted">Dates and hours in {restaurant.timeZone} time.</p>
      </form>
      {loading && (
        <p className="muted" role="status">
          Reading the report…
        </p>
      )}
      {error && !error.fields && <p className="field-error" role="alert">{error.message}</p>}
      {report && <ReportBody report={report} onDownload={download} />}
    </>
  );
}

function ReportBody({ report, onDownload }: { report: Report; onDownload(table: ReportTable): Promise<void> }) {
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const figures = [
    ["Orders", report.summary.orders],
    ["Revenue", formatRupees(report.summary.revenuePaise)],
    ["Cancelled", report.summary.cancelled],
    ["Rejected", report.summary.rejected],
    ["Failed deliveries", report.summary.deliveryFailed],
    ["Late", report.summary.late],
  ] as const;
  return (
    <>
      <dl className="report-summary" aria-label="Summary">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {downloadError && <p className="field-error" role="alert">{downloadError}</p>}
      {REPORT_TABLES.map((table) => (
        <ReportSection
          key={table}
          table={table}
          report={report}
          onDownload={() => onDownload(table).then(() => setDownloadError(null), (e: unknown) => setDownloadError(e instanceof Error ? e.message : "The CSV could not be downloaded"))}
        />
      ))}
    </>
  );
}

function ReportSection<T extends ReportTable>({ table, report, onDownload }: { table: T; report: Report; onDownload(): void }) {
  const section = SECTIONS[table];
  const rows = report.tables[table];
  return (
    <section className="report-section" aria-labelledby={`report-${table}`} data-table={table}>
      <div className="report-section-head">
        <h2 id={`report-${table}`}>{section.title}</h2>
        <button type="button" className="link-button" onClick={onDownload}>
          Download CSV
        </button>
      </div>
      <p className="muted">{section.note}</p>
      {rows.length === 0 ? (
        <p>{section.empty}</p>
      ) : (
        <>
          {section.chart(rows)}
          <div className="report-table">
            <table>
              <thead>
                <tr>
                  {section.columns.map((c) => (
                    <th key={c.label} scope="col" className={c.numeric ? "num" : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    {section.columns.map((c) => (
                      <td key={c.label} className={c.numeric ? "num" : undefined}>
                        {c.cell(row)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
