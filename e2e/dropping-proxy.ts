import net from 'node:net';

/**
 * A TCP relay in front of the app that can lose the connection the way a phone on a train does:
 * once one connection has carried `bytes` from the browser, every open connection is cut and new
 * ones are refused until `restore()`. The browser talks to `url` and never knows.
 */
export interface DroppingProxy {
  url: string;
  /** Bytes relayed from the browser to the app since the start. */
  readonly sent: number;
  /** Arms the drop; resolves when it happened. */
  dropAfter(bytes: number): Promise<void>;
  restore(): void;
  close(): Promise<void>;
}

export async function startDroppingProxy(target: string): Promise<DroppingProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<net.Socket>();
  let down = false;
  let threshold = Number.POSITIVE_INFINITY;
  let dropped: (() => void) | undefined;
  let sent = 0;

  const cutEverything = () => {
    down = true;
    threshold = Number.POSITIVE_INFINITY;
    for (const socket of open) socket.resetAndDestroy();
    open.clear();
    dropped?.();
  };

  const server = net.createServer((client) => {
    if (down) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    open.add(client);
    open.add(upstream);
    let carried = 0;
    client.on('data', (chunk: Buffer) => {
      carried += chunk.length;
      sent += chunk.length;
      if (carried > threshold) cutEverything();
    });
    client.pipe(upstream);
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${address.port}`,
    get sent() {
      return sent;
    },
    dropAfter(bytes) {
      threshold = bytes;
      return new Promise<void>((resolve) => {
        dropped = resolve;
      });
    },
    restore() {
      down = false;
    },
    close() {
      for (const socket of open) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
