// Node-only contracts: never import this from a client component.
export * from "./jwt.ts";
export * from "./internal-signature.ts";
export * from "./env.ts";
export * from "./password.ts";
export * from "./forwarded-for.ts";
