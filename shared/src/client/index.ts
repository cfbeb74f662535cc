// Browser and Node clients of the realtime server: the screens and the test harnesses share these.
import "../zod-config.ts";
export * from "./order-feed.ts";
export * from "./restaurant-feed.ts";
export * from "./courier-positions.ts";
export * from "./live-feed.ts";
export * from "./json-request.ts";
