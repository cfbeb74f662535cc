import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

/** One registry per server instance, so several instances can live in one test process. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  return {
    registry,
    socketsConnected: new Gauge({
      name: "orderly_sockets_connected",
      help: "Connected sockets by role",
      labelNames: ["role"] as const,
      registers: [registry],
    }),
    clientEventsReceived: new Counter({
      name: "orderly_client_events_received_total",
      help: "Events received from clients, by event and outcome",
      labelNames: ["event", "outcome"] as const,
      registers: [registry],
    }),
    eventsEmitted: new Counter({
      name: "orderly_events_emitted_total",
      help: "Events emitted to rooms, by event name",
      labelNames: ["event"] as const,
      registers: [registry],
    }),
    internalRequests: new Counter({
      name: "orderly_internal_requests_total",
      help: "POST /internal/events requests by HTTP status",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
