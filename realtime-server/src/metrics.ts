import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

/**
 * One registry per server instance, so several instances can live in one test process. Label
 * values come from fixed sets (roles, known event names, outcomes, statuses), never from what a
 * client sent: every distinct value is a series kept for the life of the process.
 */
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
    connectionsRefused: new Counter({
      name: "orderly_connections_refused_total",
      help: "Refused connections: unauthorized, token_expired, subject_cap, address_rate",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    clientEventsReceived: new Counter({
      name: "orderly_client_events_received_total",
      help: "Events received from clients, by event (a known name or unknown) and outcome",
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
