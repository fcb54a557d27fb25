import { zeroCounts } from "../engine/apply";
import { SyncStatus } from "../sync-run.entity";
import { ProgressReporter } from "./progress";

const progress = (pages: number, fetched: number) => ({ runId: "1", status: SyncStatus.RUNNING, counts: { ...zeroCounts(), fetched, created: fetched }, total: null, pages });

function fakeStream(columns?: number) {
  const writes: string[] = [];
  return { writes, columns, write: (text: string) => writes.push(text), text: () => writes.join("") };
}

describe("ProgressReporter", () => {
  it("writes one line per page when stderr is no terminal, and other lines as they come", () => {
    let now = 0;
    const out = fakeStream();
    const reporter = new ProgressReporter(out, { tty: false, now: () => now });
    reporter.begin(0);
    now = 2_000;
    reporter.update(progress(1, 100));
    reporter.print("[sync] something");
    now = 4_000;
    reporter.update(progress(2, 200));
    reporter.end();
    expect(out.text()).toBe(
      [
        "page 1, 100 records, 50.0 records/s (created 100, updated 0, unchanged 0, archived 0, conflicts 0, failed 0)",
        "[sync] something",
        "page 2, 200 records, 50.0 records/s (created 200, updated 0, unchanged 0, archived 0, conflicts 0, failed 0)",
        "",
      ].join("\n"),
    );
    expect(out.text()).not.toContain("\r");
  });

  it("redraws one bar in place on a terminal, prints other lines above it, and leaves its last state on its line", () => {
    let now = 0;
    const out = fakeStream(60);
    const reporter = new ProgressReporter(out, { tty: true, now: () => now, tickMs: 0 });
    reporter.print("[sync] before any page");
    reporter.begin(0);
    now = 1_000;
    reporter.update(progress(1, 100));
    reporter.print('{"level":"warn","msg":"a log line"}');
    now = 2_000;
    reporter.update(progress(2, 200));
    reporter.end();
    reporter.end();
    expect(out.writes).toEqual([
      "[sync] before any page\n",
      "\r\u001b[K100 records  100/s  page 1  0:01",
      '\r\u001b[K{"level":"warn","msg":"a log line"}\n',
      "\r\u001b[K100 records  100/s  page 1  0:01",
      "\r\u001b[K200 records  100/s  page 2  0:02",
      "\r\u001b[K200 records  100/s  page 2  0:02",
      "\n",
    ]);
  });

  it("draws 80 columns on a terminal that says its width is 0", () => {
    const out = fakeStream(0);
    const reporter = new ProgressReporter(out, { tty: true, now: () => 1_000, tickMs: 0 });
    reporter.update(progress(1, 100));
    expect(out.writes).toEqual(["\r\u001b[K100 records  –/s  page 1  0:00"]);
  });

  it("ticks on a terminal, so the clock moves while a page takes long", async () => {
    let now = 0;
    const out = fakeStream();
    const reporter = new ProgressReporter(out, { tty: true, now: () => now, tickMs: 10 });
    reporter.begin(0);
    reporter.update(progress(1, 100));
    now = 5_000;
    await new Promise((resolve) => setTimeout(resolve, 40));
    reporter.end();
    expect(out.writes.some((text) => text.endsWith("0:05"))).toBe(true);
  });
});
