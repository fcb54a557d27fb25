import { zeroCounts } from "../engine/apply";
import { etaMs, exitCodeOf, formatClock, formatDuration, HELP, printable, progressBar, progressLine, ratePerSecond, summaryTable, type ProgressSnapshot, type SyncSummary } from "./render";

const snapshot = (over: Partial<ProgressSnapshot> & { fetched?: number } = {}): ProgressSnapshot => {
  const { fetched = 0, ...rest } = over;
  return { pages: 1, counts: { ...zeroCounts(), fetched }, total: null, baseline: 0, elapsedMs: 10_000, ...rest };
};

describe("durations, rates and ETA", () => {
  it("formats durations for people", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(59_999)).toBe("59.9 s");
    expect(formatDuration(125_000)).toBe("2 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
    expect(formatDuration(-1)).toBe("?");
    expect(formatClock(7_400)).toBe("0:07");
    expect(formatClock(754_000)).toBe("12:34");
    expect(formatClock(3_723_000)).toBe("1:02:03");
  });

  it("has no rate before a quarter second or before a record, and no ETA without a total or a rate", () => {
    expect(ratePerSecond(100, 200)).toBeNull();
    expect(ratePerSecond(0, 5_000)).toBeNull();
    expect(ratePerSecond(100, 4_000)).toBe(25);
    expect(etaMs(100, 300, 25)).toBe(8_000);
    expect(etaMs(100, null, 25)).toBeNull();
    expect(etaMs(100, 300, null)).toBeNull();
    expect(etaMs(400, 300, 25)).toBe(0);
  });
});

describe("the progress bar", () => {
  it("shows the share done, the count of the total, the rate and the ETA when the source says its total", () => {
    const line = progressBar(snapshot({ fetched: 1_040, total: 2_080, elapsedMs: 4_000 }));
    expect(line).toBe(`[${"█".repeat(12)}${"░".repeat(12)}]  50%  1,040/2,080 records  260/s  ETA 0:04  0:04`);
  });

  it("counts the rate from what this process read (a resumed run) and never shows more than 100%", () => {
    expect(progressBar(snapshot({ fetched: 300, baseline: 200, total: 400, elapsedMs: 10_000 }))).toContain("75%  300/400 records  10.0/s  ETA 0:10");
    expect(progressBar(snapshot({ fetched: 500, total: 400 }))).toContain("100%  500/500 records");
    expect(progressBar(snapshot({ fetched: 0, total: 0 }))).toContain("100%  0/0 records  –/s");
  });

  it("shows records, rate and pages without a total, and what was not applied", () => {
    const counts = { ...zeroCounts(), fetched: 250, failed: 2, conflicts: 1 };
    expect(progressBar({ pages: 3, counts, total: null, baseline: 0, elapsedMs: 65_000 })).toBe("250 records  3.8/s  page 3  1:05  3 not applied");
  });

  it("fits the terminal's width", () => {
    const line = progressBar(snapshot({ fetched: 1_040, total: 2_080, elapsedMs: 4_000 }), 40);
    expect(line.length).toBeLessThan(40);
  });

  it("writes one line per page without a terminal, with every counter", () => {
    const counts = { fetched: 200, created: 150, updated: 20, unchanged: 25, archived: 1, conflicts: 3, failed: 1 };
    expect(progressLine({ pages: 2, counts, total: 400, baseline: 0, elapsedMs: 8_000 })).toBe(
      "page 2, 200/400 records, 25.0 records/s, ETA 8.0 s (created 150, updated 20, unchanged 25, archived 1, conflicts 3, failed 1)",
    );
    expect(progressLine({ pages: 1, counts: { ...zeroCounts(), fetched: 100 }, total: null, baseline: 0, elapsedMs: 100 })).toBe(
      "page 1, 100 records (created 0, updated 0, unchanged 0, archived 0, conflicts 0, failed 0)",
    );
  });
});

describe("the summary", () => {
  const summary = (over: Partial<SyncSummary> = {}): SyncSummary => ({
    company: "1",
    source: { id: "3", name: "Demo CRM (simulated)", kind: "CRM" },
    runId: "42",
    full: false,
    status: "SUCCEEDED",
    message: null,
    counts: { fetched: 250, created: 240, updated: 10, unchanged: 0, archived: 0, conflicts: 0, failed: 0 },
    baseline: 0,
    elapsedMs: 2_500,
    issues: { total: 0, first: [] },
    ...over,
  });

  it("is a table of the run's status, counters, duration and rate", () => {
    expect(summaryTable(summary())).toBe(
      [
        'Sync run 42: incremental sync of source 3 "Demo CRM (simulated)" (CRM), company 1',
        "  status     SUCCEEDED",
        "  fetched    250",
        "  created    240",
        "  updated    10",
        "  unchanged  0",
        "  archived   0",
        "  conflicts  0",
        "  failed     0",
        "  duration   2.5 s",
        "  rate       100 records/s",
        "  issues     0",
        "",
      ].join("\n"),
    );
  });

  it("adds the message, what a resumed run had read before, and the first issues as a table", () => {
    const text = summaryTable(
      summary({
        status: "PARTIAL",
        message: "Something\nwent wrong",
        baseline: 100,
        full: true,
        issues: {
          total: 7,
          first: [
            { kind: "CONFLICT", sourceId: "2", field: null, message: "Org number 556000-0001 is client 9's" },
            { kind: "INVALID_VALUE", sourceId: "17", field: "vatNumber", message: "Not a VAT number \u001b[31mred" },
          ],
        },
      }),
    );
    expect(text).toContain("full sync of source 3");
    expect(text).toContain("  message    Something?went wrong\n");
    expect(text).toContain("  resumed    100 records were read before this process took the run; 150 by it\n");
    expect(text).toContain("  rate       60.0 records/s\n");
    expect(text).toContain("Issues (the first 2 of 7; all are the sync_issue rows of run 42):\n");
    expect(text).toContain(
      [
        "  KIND           SOURCE ID  FIELD      MESSAGE",
        "  CONFLICT       2          –          Org number 556000-0001 is client 9's",
        "  INVALID_VALUE  17         vatNumber  Not a VAT number ?[31mred",
      ].join("\n"),
    );
    expect(text).not.toContain("\u001b");
  });

  it("has a rate however short the run, and none when this process read nothing", () => {
    expect(summaryTable(summary({ elapsedMs: 100 }))).toContain("  rate       2,500 records/s\n");
    expect(summaryTable(summary({ baseline: 250 }))).toContain("  rate       –\n");
  });

  it("shows names from the database without control characters", () => {
    expect(printable("a\u001b]0;title\u0007b\r\nc")).toBe("a?]0;title?b??c");
    expect(printable("x".repeat(10), 5)).toBe("xxxx…");
  });
});

describe("exit codes and help", () => {
  it("maps the run's status to the documented codes", () => {
    expect(exitCodeOf("SUCCEEDED")).toBe(0);
    expect(exitCodeOf("FAILED")).toBe(1);
    expect(exitCodeOf("CANCELLED")).toBe(1);
    expect(exitCodeOf("PARTIAL")).toBe(2);
    expect(exitCodeOf("RUNNING")).toBe(3);
  });

  it("explains usage, options, exit codes, environment and examples", () => {
    for (const part of ["Usage:", "--company", "--source", "--full", "Exit codes:", "  2    the run ended PARTIAL", "  130  interrupted", "DATABASE_URL", "DATA_DIR", "SOURCE_CREDENTIALS_KEY", "Examples:"]) {
      expect(HELP).toContain(part);
    }
    expect(Math.max(...HELP.split("\n").map((line) => line.length))).toBeLessThanOrEqual(100);
  });
});
