/**
 * The stack the browser tests start for themselves, away from npm start's ports. E2E_PORT_BASE
 * moves all three, so two checkouts can run their browser tests at once.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 3100);
export const E2E_WEB_PORT = base;
export const E2E_REALTIME_PORT = base + 1;
/** globalSetup's control endpoint: tests stop and start the realtime server through it. */
export const E2E_CONTROL_PORT = base + 2;
export const E2E_BASE_URL = `http://localhost:${E2E_WEB_PORT}`;
