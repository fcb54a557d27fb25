import type http from "node:http";
import net from "node:net";

export interface DrainSettings {
  /** How long a connection without a request in flight must have stayed silent before it is closed. */
  idleGraceMs: number;
  /** When the connections still open are cut, requests in flight included. */
  timeoutMs: number;
}

interface Connection {
  /** Its responses not yet finished (more than one only when the client pipelines). */
  responses: Set<http.ServerResponse>;
  /** When it last finished a response or was seen to receive a byte, and its byte count then. */
  idleSince: number;
  bytesRead: number;
}

/** How often the drain looks for connections that have been idle long enough. */
const SWEEP_MS = 50;

/** Resolves after the event loop's next poll phase, which accepts pending connections and reads arrived bytes. */
const afterNextPoll = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/**
 * Stops an HTTP server without dropping a request that reached it.
 *
 * Node 20's `server.close()`, and Apollo's drain plugin which calls it, destroys at once every
 * connection without a request in flight; a connection whose next request is already in the
 * socket buffer (arrived, not yet parsed) or on the wire counts as one, and its client gets
 * ECONNRESET. A response that finishes during such a drain says nothing, so its client sends the
 * next request on a connection that is closed under it ("other side closed"). Instead:
 *
 * 1. The event loop's next poll phase runs as usual: it accepts the connections the kernel has
 *    completed and reads the requests that have arrived; they are served like any other.
 * 2. Then, in one synchronous step, the listening socket closes (net.Server's close, not
 *    http.Server's, which would also destroy the idle connections), and every response not yet
 *    sent, in flight or arriving later on an open connection, carries `Connection: close`: Node
 *    closes the connection once it is written, and the client learns from the response itself
 *    not to reuse it. Its next connection is refused (ECONNREFUSED: nothing was sent, safe to
 *    retry elsewhere). The two go together: a client told to close while the listening socket
 *    is still open reconnects into it, and closing a listening socket resets the connections the
 *    kernel has completed but the process has not yet accepted.
 * 3. A connection without a request in flight is closed only once it has received no byte for
 *    `idleGraceMs`, and only if a further poll phase read nothing on it either: a request that
 *    reached this process is answered, never reset. What remains is the race any keep-alive
 *    server has with its idle timeout (a client that sends just as its connection closes after
 *    `idleGraceMs` of silence), which clients already handle.
 * 4. At `timeoutMs` the connections left are destroyed, so that a stuck request cannot hold the
 *    process; its statement ends with the database pool (statement_timeout at the latest).
 *
 * Not covered: a connection the kernel completes in the microseconds between that poll phase and
 * close(2) is reset; a request pipelined behind a `Connection: close` response is not answered
 * (RFC 9112 has the client retry it; clients don't pipeline).
 */
export class HttpDrain {
  private readonly connections = new Map<net.Socket, Connection>();
  private draining = false;
  private drained: Promise<void> | undefined;

  constructor(
    private readonly server: http.Server,
    private readonly settings: DrainSettings,
  ) {
    server.on("connection", (socket: net.Socket) => {
      this.connections.set(socket, { responses: new Set(), idleSince: performance.now(), bytesRead: 0 });
      socket.once("close", () => this.connections.delete(socket));
    });
    // Ahead of the application, which may answer synchronously (/healthz).
    server.prependListener("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
      const connection = this.connections.get(request.socket);
      if (!connection) return;
      connection.responses.add(response);
      if (this.draining) response.setHeader("Connection", "close");
      response.once("close", () => {
        connection.responses.delete(response);
        connection.idleSince = performance.now();
        connection.bytesRead = request.socket.bytesRead;
      });
    });
  }

  /** Drains the server (once; later calls get the same promise); resolves when every connection has closed. */
  drain(): Promise<void> {
    this.drained ??= this.run();
    return this.drained;
  }

  private async run(): Promise<void> {
    await afterNextPoll();
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(this.server, () => resolve()));
    this.draining = true;
    for (const connection of this.connections.values()) {
      for (const response of connection.responses) if (!response.headersSent) response.setHeader("Connection", "close");
    }
    const sweep = setInterval(() => this.closeIdle(), SWEEP_MS);
    const deadline = setTimeout(() => {
      for (const socket of this.connections.keys()) socket.destroy();
    }, this.settings.timeoutMs);
    try {
      await closed;
    } finally {
      clearInterval(sweep);
      clearTimeout(deadline);
    }
  }

  private closeIdle(): void {
    const now = performance.now();
    const idle: net.Socket[] = [];
    for (const [socket, connection] of this.connections) {
      if (connection.responses.size > 0) continue;
      if (socket.bytesRead !== connection.bytesRead) {
        // A request is arriving (its headers not yet complete).
        connection.bytesRead = socket.bytesRead;
        connection.idleSince = now;
      } else if (now - connection.idleSince >= this.settings.idleGraceMs) {
        idle.push(socket);
      }
    }
    if (idle.length === 0) return;
    void afterNextPoll().then(() => {
      for (const socket of idle) {
        const connection = this.connections.get(socket);
        if (connection && connection.responses.size === 0 && socket.bytesRead === connection.bytesRead) socket.destroy();
      }
    });
  }
}
