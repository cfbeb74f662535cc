import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * A TCP proxy in front of Postgres whose link can be cut and restored, so the harness can make
 * the database unreachable for web without touching the machine's Postgres service.
 */
export class TcpProxy {
  private server: Server;
  private sockets = new Set<Socket>();
  private cut = false;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((client) => {
      if (this.cut) return void client.destroy();
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
  }

  static async start(target: { host: string; port: number }): Promise<{ proxy: TcpProxy; port: number }> {
    const proxy = new TcpProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, "127.0.0.1", resolve));
    return { proxy, port: (proxy.server.address() as { port: number }).port };
  }

  /** Drops every open connection and refuses new ones until restore(). */
  cutLink(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  close(): Promise<void> {
    this.cutLink();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
