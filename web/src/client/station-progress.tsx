import type { Ticket } from "@orderly/shared";
import { Fragment } from "react";

export interface KitchenStation {
  id: string;
  name: string;
}

interface Progress {
  stationId: string;
  name: string;
  done: number;
  total: number;
}

/** Each station's share of a ticket, in the kitchen's station order: lines done of lines. */
export function stationProgress(ticket: Ticket, stations: readonly KitchenStation[]): Progress[] {
  const byStation = new Map<string, Progress>();
  for (const item of ticket.items) {
    const progress = byStation.get(item.stationId) ?? { stationId: item.stationId, name: item.stationName, done: 0, total: 0 };
    progress.total++;
    if (item.doneAt) progress.done++;
    byStation.set(item.stationId, progress);
  }
  const position = (id: string) => {
    const index = stations.findIndex((s) => s.id === id);
    return index === -1 ? stations.length : index;
  };
  return [...byStation.values()].sort((a, b) => position(a.stationId) - position(b.stationId));
}

/** "Curry ✓ · Tawa 1/2": where the expo sees each station stand on a ticket. */
export function StationProgress({ ticket, stations }: { ticket: Ticket; stations: readonly KitchenStation[] }) {
  return (
    <p className="progress" data-testid="station-progress">
      {stationProgress(ticket, stations).map((p, i) => (
        <Fragment key={p.stationId}>
          {i > 0 && " · "}
          <span className={p.done === p.total ? "progress-done" : "progress-open"}>
            {p.name} {p.done === p.total ? "✓" : `${p.done}/${p.total}`}
          </span>
        </Fragment>
      ))}
    </p>
  );
}
