/**
 * The IPC side of a benchmarked server (bench/raw-server.ts, bench/gateway-server.ts): tells the
 * bench its URL, and on request its own CPU time and peak RSS since the last reset, so they are
 * the server's alone and not the load generator's.
 */

export interface ChildFigures {
  /** process.cpuUsage() since the last reset, ms. */
  userMs: number;
  systemMs: number;
  /** The largest RSS seen since the last reset (sampled every 20 ms), MB. */
  peakRssMb: number;
  /** SQL statements (without BEGIN/set_config/COMMIT) since the last reset, when the server counts them. */
  statements?: number;
}

export type BenchMessage = { type: "reset" } | { type: "figures" } | { type: "stop" };
export type ChildMessage = { type: "ready"; url: string } | { type: "figures"; figures: ChildFigures } | { type: "stopped" };

export function reportFiguresOnRequest(url: string, stop: () => Promise<void>, statements?: () => number): void {
  if (!process.send) throw new Error("Run me through bench/clients-page.ts (I need an IPC channel)");
  const send = (message: ChildMessage) => process.send!(message);
  let cpu = process.cpuUsage();
  let peak = process.memoryUsage.rss();
  let statementsAtReset = statements?.() ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  sampler.unref();
  process.on("message", (message: BenchMessage) => {
    switch (message.type) {
      case "reset":
        cpu = process.cpuUsage();
        peak = process.memoryUsage.rss();
        statementsAtReset = statements?.() ?? 0;
        break;
      case "figures": {
        const used = process.cpuUsage(cpu);
        peak = Math.max(peak, process.memoryUsage.rss());
        send({
          type: "figures",
          figures: {
            userMs: used.user / 1000,
            systemMs: used.system / 1000,
            peakRssMb: peak / 2 ** 20,
            ...(statements ? { statements: statements() - statementsAtReset } : {}),
          },
        });
        break;
      }
      case "stop":
        clearInterval(sampler);
        void stop().finally(() => {
          send({ type: "stopped" });
          process.disconnect();
        });
        break;
    }
  });
  // The bench went away (killed, crashed): do not linger.
  process.on("disconnect", () => setTimeout(() => process.exit(0), 2_000).unref());
  send({ type: "ready", url });
}
