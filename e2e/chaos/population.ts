import { randomUUID } from "node:crypto";
import { AppError, type OrderSnapshot, type OrderUpdate, type TicketList, type TokenClaims } from "@orderly/shared";
import { LiveFeed, type FeedSnapshot, type UpdateEvent } from "@orderly/shared/client";
import { signToken } from "@orderly/shared/server";
import { request } from "./http.ts";

export type Role = "kitchen" | "station" | "delivery" | "customer";

export interface Client {
  role: Role;
  live: LiveFeed;
  /** Orders a customer watches; kitchens and couriers watch their lists. */
  orderId?: string;
  kitchenId?: string;
  stationId?: string;
  restaurantId?: string;
  refreshes: number;
}

/** Every harness socket: websocket only, reconnecting fast. */
export const SOCKET_OPTIONS = { transports: ["websocket"], reconnectionDelay: 200, reconnectionDelayMax: 2000 };

export interface Arrival {
  role: Role;
  event: UpdateEvent;
  update: OrderUpdate;
  at: number;
}

/**
 * Headless screens: the same LiveFeed the browser uses, with socket tokens that expire every
 * `tokenTtlSeconds` so every client renews its token (and reconnects) during the run.
 */
export class Population {
  readonly clients: Client[] = [];
  readonly arrivals: Arrival[] = [];
  private next = 0;

  constructor(
    private readonly options: { webUrl: string; realtimeUrls: string[]; jwtSecret: string; tokenTtlSeconds: number },
  ) {}

  private url(): string {
    return this.options.realtimeUrls[this.next++ % this.options.realtimeUrls.length]!;
  }

  private mint(claims: TokenClaims): string {
    return signToken(claims, this.options.jwtSecret, this.options.tokenTtlSeconds).token;
  }

  private add(role: Role, claims: TokenClaims, loadSnapshot: (token: string) => Promise<FeedSnapshot>, extra: Partial<Client>) {
    let token = this.mint(claims);
    let expires = Date.now() + this.options.tokenTtlSeconds * 1000;
    const fresh = () => {
      if (Date.now() > expires - 2000) {
        token = this.mint(claims);
        expires = Date.now() + this.options.tokenTtlSeconds * 1000;
      }
      return token;
    };
    const client: Client = { role, refreshes: 0, ...extra } as Client;
    client.live = new LiveFeed({
      realtimeUrl: this.url(),
      token: fresh,
      loadSnapshot: () => loadSnapshot(fresh()),
      refreshToken: async () => {
        client.refreshes++;
        expires = 0;
        return fresh();
      },
      onUpdate: (event, update) => this.arrivals.push({ role, event, update, at: Date.now() }),
      socketOptions: SOCKET_OPTIONS,
    });
    this.clients.push(client);
    return client;
  }

  private async get<T>(path: string, token: string): Promise<T> {
    const response = await request(`${this.options.webUrl}${path}`, { token });
    if (response.status !== 200) throw AppError.fromBody(response.status, response.body);
    return response.body as T;
  }

  addKitchen(claims: Extract<TokenClaims, { role: "kitchen" }>) {
    return this.add("kitchen", claims, async (token) => ({ tickets: (await this.get<TicketList>(`/api/kitchens/${claims.kitchenId}/orders`, token)).tickets }), {
      kitchenId: claims.kitchenId,
    });
  }

  addStation(claims: Extract<TokenClaims, { role: "station" }>) {
    return this.add("station", claims, async (token) => ({ tickets: (await this.get<TicketList>(`/api/stations/${claims.stationId}/tickets`, token)).tickets }), {
      stationId: claims.stationId,
    });
  }

  addCourier(claims: Extract<TokenClaims, { role: "delivery" }>, slug: string) {
    return this.add("delivery", claims, async (token) => ({ tickets: (await this.get<TicketList>(`/api/restaurants/${slug}/deliveries`, token)).tickets }), {
      restaurantId: claims.restaurantId,
    });
  }

  addCustomer(orderId: string) {
    return this.add(
      "customer",
      { role: "customer", sub: randomUUID(), orderIds: [orderId] },
      async (token) => {
        const snapshot = await this.get<OrderSnapshot>(`/api/orders/${orderId}`, token);
        return { tickets: [snapshot.ticket], timelines: { [orderId]: snapshot.timeline } };
      },
      { orderId },
    );
  }

  close(): void {
    for (const client of this.clients) client.live.close();
  }
}
