import { readAhead } from "./run-sync";

/** A generator that records when each item is asked for and when it is closed. */
function source(items: Array<number | Error>, log: string[]) {
  return (async function* () {
    try {
      for (const item of items) {
        log.push(`read ${item instanceof Error ? "error" : item}`);
        await Promise.resolve();
        if (item instanceof Error) throw item;
        yield item;
      }
    } finally {
      log.push("closed");
    }
  })();
}

describe("readAhead", () => {
  it("reads the next item while the caller works on the current one, and yields all in order", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const item of readAhead(source([1, 2, 3], log))) {
      // The next item was asked for before the caller got this one's turn.
      log.push(`work ${item}`);
      seen.push(item);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log.indexOf("read 2")).toBeLessThan(log.indexOf("work 1"));
    expect(log.indexOf("read 3")).toBeLessThan(log.indexOf("work 2"));
  });

  it("surfaces a failure of the item read ahead only when the caller gets to it", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    const unhandled = jest.fn();
    process.on("unhandledRejection", unhandled);
    try {
      await expect(
        (async () => {
          for await (const item of readAhead(source([1, new Error("page 2 failed")], log))) {
            await new Promise((resolve) => setImmediate(resolve)); // the failure settles meanwhile
            seen.push(item);
          }
        })(),
      ).rejects.toThrow("page 2 failed");
    } finally {
      process.off("unhandledRejection", unhandled);
    }
    expect(seen).toEqual([1]);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it("closes the generator when the caller stops early, once the item read ahead has settled", async () => {
    const log: string[] = [];
    for await (const item of readAhead(source([1, 2, 3], log))) {
      if (item === 1) break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toContain("closed");
    expect(log).not.toContain("read 3");
  });
});
