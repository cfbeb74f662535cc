// Browser-safe contracts. Node-only helpers (JWT, internal signing, env) are in ./server.ts.
import "./zod-config.ts";
export * from "./enums.ts";
export * from "./money.ts";
export * from "./order-state-machine.ts";
export * from "./rooms.ts";
export * from "./token-claims.ts";
export * from "./order-event.schema.ts";
export * from "./order.schema.ts";
export * from "./delivery.schema.ts";
export * from "./delivery-eta.ts";
export * from "./restaurant.schema.ts";
export * from "./restaurant-event.schema.ts";
export * from "./realtime-events.ts";
export * from "./app-error.ts";
export * from "./text.ts";
export * from "./auth.schema.ts";
export * from "./service.schema.ts";
export * from "./report.schema.ts";
