import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { realtimeEnvSchema } from "../../realtime-server/src/config.ts";
import { webEnvObject } from "../../web/src/env.ts";
import { ROOT } from "../root.ts";

interface Service {
  build?: { context: string; dockerfile: string };
  image?: string;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(await readFile(join(ROOT, "docker-compose.yml"), "utf8")) as { services: Record<string, Service> };
const services = compose.services;
const required = (shape: Record<string, { safeParse(v: unknown): { success: boolean } }>) =>
  Object.entries(shape).filter(([, schema]) => !schema.safeParse(undefined).success).map(([name]) => name);

describe("docker-compose.yml", () => {
  it("has postgres with a volume and healthcheck, redis, and the two apps", () => {
    expect(Object.keys(services).sort()).toEqual(["postgres", "realtime-server", "redis", "web"]);
    expect(services.postgres!.healthcheck).toBeDefined();
    expect(services.redis!.healthcheck).toBeDefined();
    expect((services.postgres as Service & { volumes: string[] }).volumes[0]).toMatch(/:\/var\/lib\/postgresql\/data$/);
  });

  it("gives each app exactly variables it reads, and every one it requires", async () => {
    const realtimeShape = realtimeEnvSchema.shape;
    const realtimeEnv = Object.keys(services["realtime-server"]!.environment!);
    expect(realtimeEnv.filter((name) => !(name in realtimeShape))).toEqual([]);
    expect(required(realtimeShape).filter((name) => !realtimeEnv.includes(name))).toEqual([]);

    const webReads = [...Object.keys(webEnvObject.shape), "WEB_PORT", "SEED_STAFF_PASSWORD"];
    const webEnv = Object.keys(services.web!.environment!);
    expect(webEnv.filter((name) => !webReads.includes(name))).toEqual([]);
    expect(required(webEnvObject.shape).filter((name) => !webEnv.includes(name))).toEqual([]);
  });

  it("wires the apps to each other and to the data services", () => {
    const web = services.web!.environment!;
    expect(web.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(web.REALTIME_INTERNAL_URL).toBe(`http://realtime-server:${services["realtime-server"]!.environment!.REALTIME_PORT}`);
    expect(services["realtime-server"]!.environment!.REDIS_URL).toBe("redis://redis:6379");
    expect(web.REDIS_URL).toBe("redis://redis:6379");
    expect(services.web!.ports).toEqual([`${web.WEB_PORT}:${web.WEB_PORT}`]);
    expect(services.web!.depends_on).toEqual({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
      "realtime-server": { condition: "service_healthy" },
    });
    expect(services["realtime-server"]!.depends_on).toEqual({ redis: { condition: "service_healthy" } });
  });

  it("builds each app from a Dockerfile that exists", async () => {
    for (const name of ["web", "realtime-server"]) {
      const build = services[name]!.build!;
      const dockerfile = await readFile(join(ROOT, build.context, build.dockerfile), "utf8");
      expect(dockerfile).toMatch(/^FROM node:20/m);
    }
  });
});
