import { io, type ManagerOptions, type Socket, type SocketOptions } from "socket.io-client";
import { AppError, type AppErrorCode } from "../app-error.ts";
import type { ClientToServerEvents, OrderUpdate, RestaurantUpdate, ServerToClientEvents } from "../realtime-events.ts";
import type { Menu } from "../restaurant.schema.ts";
import type { CourierPosition } from "../delivery.schema.ts";
import { CourierPositions } from "./courier-positions.ts";
import { OrderFeed, type ApplyResult, type FeedSnapshot } from "./order-feed.ts";
import { RestaurantFeed } from "./restaurant-feed.ts";

export type ConnectionStatus = "connecting" | "live" | "reconnecting" | "offline";
export type UpdateEvent = "new_order" | "status_update" | "order_update" | "pickup_ready";

export interface LiveFeedOptions {
  realtimeUrl: string;
  /** The token to connect with; read on every (re)connect so a refreshed one is used. */
  token(): string;
  /** Re-reads the screen's state over HTTP: on every (re)connect and on any seq gap. */
  loadSnapshot(): Promise<FeedSnapshot>;
  /**
   * Called when the token expired: resolve with a fresh token, or null when the session is over
   * (log in again); reject when it could not be asked (offline), and it is tried again later.
   */
  refreshToken?(): Promise<string | null>;
  /** The token was refused (or could not be refreshed): the screen should ask to log in again. */
  onUnauthorized?(): void;
  onUpdate?(event: UpdateEvent, update: OrderUpdate, result: ApplyResult): void;
  onRestaurantUpdate?(update: RestaurantUpdate, result: ApplyResult): void;
  /** A courier's position that is the newest of its order. */
  onPosition?(position: CourierPosition): void;
  socketOptions?: Partial<ManagerOptions & SocketOptions>;
}

const UPDATE_EVENTS: UpdateEvent[] = ["new_order", "status_update", "order_update", "pickup_ready"];

type Pushed = { name: UpdateEvent; update: OrderUpdate } | { name: "restaurant_update"; update: RestaurantUpdate };
const RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

/** The browser's window where there is one (the feed also runs in Node, for tests and harnesses). */
interface OnlineEvents {
  addEventListener(type: "online" | "offline", listener: () => void): void;
  removeEventListener(type: "online" | "offline", listener: () => void): void;
}
const browser = (globalThis as { window?: OnlineEvents }).window;

/** The code a refused connection carries in `err.data.code`. */
const refusalCode = (error: Error): AppErrorCode | undefined => (error as { data?: { code?: AppErrorCode } }).data?.code;

/**
 * One live connection of a screen (or a test client): Socket.IO for pushes, HTTP snapshots to
 * catch up. Turns at-most-once delivery into "nothing lost": every (re)connect and every seq gap
 * re-reads the snapshot; updates arriving meanwhile are held and applied after it, duplicates ignored.
 * The status tells the truth: anything heard from the server over a connected socket means live;
 * a silent server is noticed by Socket.IO's heartbeat (the server's ping interval and timeout).
 */
export class LiveFeed {
  readonly feed = new OrderFeed();
  /** The menu, on screens whose snapshot has one. */
  readonly restaurant = new RestaurantFeed();
  /** Couriers' latest positions, on screens that show them. */
  readonly positions = new CourierPositions();
  status: ConnectionStatus = "connecting";
  /** When the server was last heard from (connect, push or heartbeat), ms since epoch. */
  lastContactAt: number | null = null;
  /** How many snapshots were read, for tests and the harness. */
  resyncs = 0;
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly listeners = new Set<() => void>();
  private held: Pushed[] | null = null;
  private resyncAgain = false;
  private closed = false;
  private version = 0;
  private retries = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: LiveFeedOptions) {
    this.socket = io(options.realtimeUrl, {
      auth: (send) => send({ token: options.token() }),
      transports: ["websocket", "polling"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
      ...options.socketOptions,
    });
    this.socket.on("connect", () => {
      this.retries = 0;
      this.touch();
      void this.resync();
    });
    this.socket.on("disconnect", (reason) => {
      if (this.closed) return;
      // The server ends sockets itself only when their token expired; others reconnect by themselves.
      if (reason === "io server disconnect") void this.renewAndReconnect();
      else this.setStatus("reconnecting");
    });
    this.socket.on("connect_error", (error) => {
      switch (refusalCode(error)) {
        case "TOKEN_EXPIRED":
          return void this.renewAndReconnect();
        case "UNAUTHORIZED":
          return this.unauthorized();
        case "TOO_MANY_CONNECTIONS":
        case "RATE_LIMITED":
          // A refusal by the server is final for Socket.IO's own reconnection: try again later ourselves.
          return this.retryLater();
        default:
          this.setStatus(this.lastContactAt === null ? "connecting" : "reconnecting");
      }
    });
    this.socket.on("server_shutdown", () => this.setStatus("reconnecting"));
    this.socket.io.on("ping", () => this.touch());
    for (const name of UPDATE_EVENTS) this.socket.on(name, (update) => this.receive({ name, update }));
    this.socket.on("restaurant_update", (update) => this.receive({ name: "restaurant_update", update }));
    this.socket.on("courier_position", (position) => {
      this.touch();
      if (this.positions.offer(position)) options.onPosition?.(position);
      this.changed();
    });
    browser?.addEventListener("offline", this.onOffline);
    browser?.addEventListener("online", this.onOnline);
  }

  /** For React's useSyncExternalStore: call on every change. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever anything the screen shows changes. */
  getVersion = (): number => this.version;

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
    browser?.removeEventListener("offline", this.onOffline);
    browser?.removeEventListener("online", this.onOnline);
    this.listeners.clear();
  }

  /** Applies an update the screen got itself (the answer to its own HTTP write), and redraws. */
  apply(update: OrderUpdate): ApplyResult {
    const result = this.feed.apply(update);
    if (result === "gap") void this.resync();
    this.changed();
    return result;
  }

  /** Takes the menu the screen got itself (the answer to its own change), and redraws. */
  applyMenu(menu: Menu): void {
    this.restaurant.offer(menu);
    this.changed();
  }

  /** Re-reads the snapshot; updates arriving meanwhile are applied after it. */
  async resync(): Promise<void> {
    if (this.held) {
      this.resyncAgain = true;
      return;
    }
    const held: Pushed[] = [];
    this.held = held;
    try {
      do {
        this.resyncAgain = false;
        try {
          const snapshot = await this.options.loadSnapshot();
          this.feed.reset(snapshot);
          this.restaurant.reset(snapshot.menu);
          for (const position of snapshot.positions ?? []) this.positions.offer(position);
          this.resyncs++;
        } catch (error) {
          if (this.closed) return;
          const code = error instanceof AppError ? error.code : undefined;
          if (code === "UNAUTHORIZED") return this.unauthorized();
          const renewed = code === "TOKEN_EXPIRED" ? await this.renewToken() : undefined;
          if (renewed === null) return;
          if (renewed === undefined) await new Promise((r) => setTimeout(r, RETRY_MS));
          this.resyncAgain = true;
        }
      } while (this.resyncAgain && !this.closed);
      this.held = null;
      for (const pushed of held) this.receive(pushed);
      this.changed();
    } finally {
      // A gap among the held updates started the next read, which holds its own.
      if (this.held === held) this.held = null;
    }
  }

  private receive(pushed: Pushed): void {
    this.touch();
    if (this.held) {
      this.held.push(pushed);
      return;
    }
    if (pushed.name === "restaurant_update") {
      const result = this.restaurant.apply(pushed.update);
      if (result === "gap") void this.resync();
      this.changed();
      this.options.onRestaurantUpdate?.(pushed.update, result);
    } else {
      const result = this.apply(pushed.update);
      this.options.onUpdate?.(pushed.name, pushed.update, result);
    }
  }

  /** A fresh token, or null when the session is over (then the screen is told); retried later while it cannot be asked. */
  private async renewToken(): Promise<string | null | undefined> {
    if (!this.options.refreshToken) {
      this.unauthorized();
      return null;
    }
    try {
      const fresh = await this.options.refreshToken();
      if (fresh === null && !this.closed) this.unauthorized();
      return fresh;
    } catch {
      return undefined;
    }
  }

  private async renewAndReconnect(): Promise<void> {
    this.setStatus("reconnecting");
    const fresh = await this.renewToken();
    if (this.closed || fresh === null) return;
    if (fresh === undefined) return this.retryLater();
    this.socket.connect();
  }

  private retryLater(): void {
    if (this.closed) return;
    this.setStatus("reconnecting");
    clearTimeout(this.retryTimer);
    const delay = Math.min(MAX_RETRY_MS, RETRY_MS * 2 ** this.retries++) * (0.75 + Math.random() / 2);
    this.retryTimer = setTimeout(() => {
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private unauthorized(): void {
    this.setStatus("offline");
    this.options.onUnauthorized?.();
  }

  private onOffline = () => this.setStatus("offline");
  private onOnline = () => {
    if (!this.socket.connected) {
      this.setStatus("reconnecting");
      this.socket.connect();
    }
  };

  /** Heard from the server: over a connected socket that means live, whatever was thought before. */
  private touch(): void {
    this.lastContactAt = Date.now();
    if (this.socket.connected) this.status = "live";
    this.changed();
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
