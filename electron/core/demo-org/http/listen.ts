/** Opens one node:http server per origin, on 127.0.0.1 only. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface Listening {
  servers: Server[];
  ports: number[];
  close(): Promise<void>;
}

function listenOne(handler: Handler, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(handler);
    // Keep-alive sockets would keep close() waiting; tests open and close servers often.
    server.keepAliveTimeout = 2_000;
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on 127.0.0.1 is already in use. Pick another PORT, or 0 for random ports.`) : error);
    });
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** With firstPort > 0, server i listens on firstPort + i; otherwise every port is random. */
export async function listenAll(handlers: Handler[], firstPort?: number): Promise<Listening> {
  const servers: Server[] = [];
  const close = async () => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
  };
  try {
    for (const [i, handler] of handlers.entries()) servers.push(await listenOne(handler, firstPort ? firstPort + i : 0));
  } catch (error) {
    await close();
    throw error;
  }
  const ports = servers.map((s) => {
    const address = s.address();
    if (!address || typeof address === 'string') throw new Error('server has no TCP address');
    return address.port;
  });
  return { servers, ports, close };
}
