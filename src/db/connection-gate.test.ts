import { ConnectionGate, Release } from "./connection-gate";

/** Whether `promise` has settled by the time already-queued microtasks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe("ConnectionGate", () => {
  it("keeps a quarter of the pool (at least one) from any single tenant", async () => {
    expect(new ConnectionGate({ size: 20, timeoutMs: 1000 }).perTenant).toBe(15);
    expect(new ConnectionGate({ size: 4, timeoutMs: 1000 }).perTenant).toBe(3);
    expect(new ConnectionGate({ size: 2, timeoutMs: 1000 }).perTenant).toBe(1);
    expect(new ConnectionGate({ size: 1, timeoutMs: 1000 }).perTenant).toBe(1);
    expect(new ConnectionGate({ size: 10, reserved: 5, timeoutMs: 1000 }).perTenant).toBe(5);
  });

  it("makes a flooding tenant wait while another is served at once", async () => {
    const gate = new ConnectionGate({ size: 4, timeoutMs: 10_000 });
    const flood = Array.from({ length: 10 }, () => gate.acquire("a"));
    const granted = (await Promise.all(flood.slice(0, 3))) as Release[];
    expect(await settled(flood[3])).toBe(false);
    expect(gate.heldBy("a")).toBe(3);
    const other = gate.acquire("b");
    expect(await settled(other)).toBe(true);
    expect(gate.heldBy("b")).toBe(1);
    // The pool is full now: a third tenant waits, and the next freed permit goes to it, not to
    // "a"'s seven waiting requests (it holds none, "a" holds three).
    const third = gate.acquire("c");
    expect(await settled(third)).toBe(false);
    granted[0]();
    expect(await settled(third)).toBe(true);
    expect(await settled(flood[3])).toBe(false);
    (await other)();
    expect(await settled(flood[3])).toBe(true);
    expect(gate.queued).toBe(6);
    for (const release of granted.slice(1)) release();
    (await third)();
    (await flood[3])();
    for (const pending of flood.slice(4)) (await pending)();
    expect(gate.heldBy("a")).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it("caps a caller across its companies like a tenant: a token for two can't take the reserve", async () => {
    const gate = new ConnectionGate({ size: 4, timeoutMs: 10_000 });
    const a = [gate.acquire("a", "mallory"), gate.acquire("a", "mallory")];
    const b = [gate.acquire("b", "mallory"), gate.acquire("b", "mallory")];
    expect(await settled(a[1])).toBe(true);
    expect(await settled(b[0])).toBe(true);
    expect(await settled(b[1])).toBe(false); // mallory holds 3 of 4
    const other = gate.acquire("c", "carol");
    expect(await settled(other)).toBe(true);
    (await other)();
    (await a[0])();
    expect(await settled(b[1])).toBe(true);
    for (const release of [await a[1], await b[0], await b[1]]) release();
    expect(gate.queued).toBe(0);
  });

  it("doesn't hold a tenant's queue behind a caller that its other companies keep at its cap", async () => {
    const gate = new ConnectionGate({ size: 4, timeoutMs: 60_000 });
    // mallory floods "b" up to her cap across companies (3 of 4), then asks for "a" too: she waits.
    const flood = await Promise.all([1, 2, 3].map(() => gate.acquire("b", "mallory")));
    const mallorys = gate.acquire("a", "mallory");
    expect(await settled(mallorys)).toBe(false);
    // carol, of "a" alone: a permit is free and "a" holds none, so she gets it at once (not after
    // mallory's 60 s), like any tenant while another floods; so does the next one of "a".
    const carol = gate.acquire("a", "carol");
    expect(await settled(carol)).toBe(true);
    (await carol)();
    const dave = gate.acquire("a", "dave");
    expect(await settled(dave)).toBe(true);
    (await dave)();
    // mallory's turn comes when her own share allows it.
    expect(await settled(mallorys)).toBe(false);
    flood[0]();
    expect(await settled(mallorys)).toBe(true);
    for (const release of [await mallorys, ...flood.slice(1)]) release();
    expect(gate.queued).toBe(0);
    expect(gate.heldBy("a") + gate.heldBy("b")).toBe(0);
  });

  it("doesn't refuse a caller who may take a free permit because the tenant's queue is full of a capped caller's requests", async () => {
    const gate = new ConnectionGate({ size: 4, timeoutMs: 60_000, maxQueuedPerTenant: 3 });
    const flood = await Promise.all([1, 2, 3].map(() => gate.acquire("b", "mallory")));
    // mallory fills "a"'s queue with requests none of which can be served while she holds "b".
    const mallorys = [1, 2, 3].map(() => gate.acquire("a", "mallory"));
    await expect(gate.acquire("a", "mallory")).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    // carol may take the free permit: she gets it, not "Too many requests are waiting".
    const carol = gate.acquire("a", "carol");
    expect(await settled(carol)).toBe(true);
    (await carol)();
    for (const release of flood) release();
    for (const waiting of mallorys) (await waiting)();
    expect(gate.queued).toBe(0);
  });

  it("serves one tenant's waiters in arrival order and gives a permit back once", async () => {
    const gate = new ConnectionGate({ size: 2, timeoutMs: 10_000 });
    const first = await gate.acquire("a");
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => gate.acquire("a").then((release) => (order.push(n), release)));
    first();
    first();
    const second = await waiting[0];
    expect(order).toEqual([1]);
    second();
    (await waiting[1])();
    (await waiting[2])();
    expect(order).toEqual([1, 2, 3]);
    expect(gate.heldBy("a")).toBe(0);
  });

  it("fails a request that waited longer than the timeout with SERVICE_UNAVAILABLE and forgets it", async () => {
    const gate = new ConnectionGate({ size: 1, timeoutMs: 20 });
    const held = await gate.acquire("a");
    await expect(gate.acquire("b")).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } } });
    expect(gate.queued).toBe(0);
    held();
    expect(await settled(gate.acquire("b"))).toBe(true);
  });

  it("bounds each tenant's queue: one request more is refused at once, another tenant still queues", async () => {
    const gate = new ConnectionGate({ size: 2, timeoutMs: 60_000, maxQueuedPerTenant: 3 });
    const held = await gate.acquire("a");
    const queued = [gate.acquire("a"), gate.acquire("a"), gate.acquire("a")];
    expect(gate.queued).toBe(3);
    await expect(gate.acquire("a")).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE", http: { status: 503 } } });
    expect(gate.queued).toBe(3);
    // Another tenant's request is not refused by "a"'s full queue: it gets the free permit.
    const other = gate.acquire("b");
    expect(await settled(other)).toBe(true);
    // The queued ones are served in turn as permits come back, none of them refused.
    held();
    (await other)();
    for (const waiting of queued) (await waiting)();
    expect(gate.queued).toBe(0);
  });

  it("bounds a caller's queue across its companies as a tenant's: a token for two can't queue twice as many", async () => {
    const gate = new ConnectionGate({ size: 4, timeoutMs: 60_000, maxQueuedPerTenant: 2 });
    // The caller holds its cap (3 of 4) with company "a".
    const held = await Promise.all([gate.acquire("a", "flooder"), gate.acquire("a", "flooder"), gate.acquire("a", "flooder")]);
    const queued = [gate.acquire("a", "flooder"), gate.acquire("b", "flooder")];
    expect(gate.queued).toBe(2);
    await expect(gate.acquire("b", "flooder")).rejects.toMatchObject({ extensions: { code: "SERVICE_UNAVAILABLE" } });
    // Someone else of "b" still gets the free permit at once.
    expect(await settled(gate.acquire("b", "someone"))).toBe(true);
    for (const release of held) release();
    for (const waiting of queued) (await waiting)();
    // The caller's count came back down: it may queue again.
    expect(gate.queued).toBe(0);
  });
});
