import { GatewayMetrics } from "./metrics";

describe("GatewayMetrics.watchBacklog", () => {
  it("reads the queue depths and the pending deliveries when scraped, each time", async () => {
    const metrics = new GatewayMetrics();
    let waiting = 3;
    let pending = 7;
    metrics.watchBacklog(async () => ({ "sync-run": waiting, "webhook-round": 0 }), async () => pending);
    const first = await metrics.registry.metrics();
    expect(first).toMatch(/^gateway_job_queue_depth\{queue="sync-run"\} 3$/m);
    expect(first).toMatch(/^gateway_job_queue_depth\{queue="webhook-round"\} 0$/m);
    expect(first).toMatch(/^gateway_webhook_deliveries_pending 7$/m);
    [waiting, pending] = [0, 1];
    const second = await metrics.registry.metrics();
    expect(second).toMatch(/^gateway_job_queue_depth\{queue="sync-run"\} 0$/m);
    expect(second).toMatch(/^gateway_webhook_deliveries_pending 1$/m);
  });
});
