import { parseSyncArgs, sourceRef } from "./args";

describe("parseSyncArgs", () => {
  it("takes --company, --source and --full, as separate values or with =", () => {
    expect(parseSyncArgs(["--company", "1", "--source", "Demo CRM (simulated)"])).toEqual({
      kind: "run",
      company: "1",
      source: { by: "name", name: "Demo CRM (simulated)", text: "Demo CRM (simulated)" },
      full: false,
    });
    expect(parseSyncArgs(["--source=12", "--full", "--company=acme"])).toEqual({ kind: "run", company: "acme", source: { by: "id", id: "12", text: "12" }, full: true });
    expect(parseSyncArgs(["--company", " 1 ", "--source", "  CRM  "])).toMatchObject({ company: "1", source: { by: "name", name: "CRM" } });
  });

  it("answers help for --help or -h, wherever it is", () => {
    expect(parseSyncArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseSyncArgs(["--company", "1", "-h"])).toEqual({ kind: "help" });
    expect(parseSyncArgs(["--bogus", "--help"])).toMatchObject({ kind: "usage-error" });
  });

  it.each([
    [[], "--company and --source are required"],
    [["--company", "1"], "--source is required"],
    [["--source", "3"], "--company is required"],
    [["--company"], "--company needs a value"],
    [["--company", "--source", "3"], "--company needs a value"],
    [["--company", "1", "--source", "3", "--company", "2"], "--company is given twice"],
    [["--company", "1", "--source", "3", "--fast"], 'Unknown option "--fast"'],
    [["--company", "1", "--source", "3", "extra"], 'Unexpected argument "extra"'],
    [["--company", "1", "--source", "3", "--full=yes"], "--full takes no value"],
    [["--company", "", "--source", "3"], "--company must be a company id"],
    [["--company", "x".repeat(65), "--source", "3"], "--company must be a company id"],
    [["--company", "1", "--source", "a\u001b[2Jb"], "--source must be a source's id or its name"],
    [["--company", "1", "--source=   "], "--source must be a source's id or its name"],
  ])("refuses %j: %s", (argv, message) => {
    const parsed = parseSyncArgs(argv as string[]);
    expect(parsed.kind).toBe("usage-error");
    expect(parsed.kind === "usage-error" && parsed.message).toContain(message);
  });
});

describe("sourceRef", () => {
  it("reads digits as an id (leading zeros dropped) and anything else as a name", () => {
    expect(sourceRef("007")).toEqual({ by: "id", id: "7", text: "007" });
    expect(sourceRef("3a")).toEqual({ by: "name", name: "3a", text: "3a" });
    expect(sourceRef("-3")).toEqual({ by: "name", name: "-3", text: "-3" });
    expect(sourceRef("1".repeat(19))).toMatchObject({ by: "name" });
  });
});
