import { fileURLToPath } from "node:url";

/** The repository's root directory, ending in a slash. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));
