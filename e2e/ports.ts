/** The stack the browser tests start for themselves, away from npm start's ports. */
export const E2E_WEB_PORT = 3100;
export const E2E_REALTIME_PORT = 3101;
/** globalSetup's control endpoint: tests stop and start the realtime server through it. */
export const E2E_CONTROL_PORT = 3102;
export const E2E_BASE_URL = `http://localhost:${E2E_WEB_PORT}`;
