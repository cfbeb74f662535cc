import { io, type Socket } from "socket.io-client";

/** Opens `count` websocket clients, `parallel` at a time; resolves with them and the time it took. */
export async function connectMany(url: string, count: number, auth: (i: number) => Record<string, unknown>, parallel = 200): Promise<{ sockets: Socket[]; ms: number }> {
  const start = performance.now();
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - i) }, (_, j) => {
      const socket = io(url, { auth: auth(i + j), transports: ["websocket"], reconnection: false, forceNew: true });
      sockets.push(socket);
      return new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
    });
    await Promise.all(batch);
  }
  return { sockets, ms: performance.now() - start };
}

export function closeAll(sockets: Socket[]): void {
  for (const socket of sockets) socket.disconnect();
}
