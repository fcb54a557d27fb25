import { SeedProgress } from "./seed-progress";

function stream(columns?: number) {
  const writes: string[] = [];
  return { writes, out: { write: (text: string) => writes.push(text), columns } };
}

describe("SeedProgress", () => {
  it("without a terminal writes a line at each tenth and at the end, never more", () => {
    const { writes, out } = stream();
    let now = 0;
    const progress = new SeedProgress(out, { tty: false, total: 10_000, now: () => now });
    for (let written = 500; written <= 10_000; written += 500) {
      now += 1_000;
      progress.update(written);
    }
    progress.end();
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe("[seed] 1,000/10,000 clients written, 500 clients/s, ETA 18.0 s\n");
    expect(writes.at(-1)).toBe("[seed] 10,000/10,000 clients written, 500 clients/s\n");
  });

  it("writes the end of a small seed, below a tenth per chunk, once", () => {
    const { writes, out } = stream();
    const progress = new SeedProgress(out, { tty: false, total: 2, now: () => 0 });
    progress.update(2);
    expect(writes).toEqual(["[seed] 2/2 clients written\n"]);
  });

  it("on a terminal redraws one bar in place, fitted to its width, and ends its line", () => {
    const { writes, out } = stream(60);
    let now = 0;
    const progress = new SeedProgress(out, { tty: true, total: 1_000, now: () => now });
    now = 2_000;
    progress.update(500);
    expect(writes[0].startsWith("\r\u001b[K[████████████░░░░░░░░░░░░]  50%  500/1,000 clients  250/s")).toBe(true);
    expect(writes[0].length - "\r\u001b[K".length).toBeLessThanOrEqual(59);
    now = 4_000;
    progress.update(1_000);
    expect(writes[1]).toContain("[████████████████████████] 100%  1,000/1,000 clients");
    progress.end();
    expect(writes.at(-1)).toBe("\n");
  });
});
