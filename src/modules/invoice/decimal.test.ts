import { subtractDecimal } from "./decimal";

describe("subtractDecimal", () => {
  it("subtracts money exactly, where floats would not", () => {
    expect(subtractDecimal("0.30", "0.10")).toBe("0.20");
    expect(subtractDecimal("12500.00", "0.00")).toBe("12500.00");
    expect(subtractDecimal("1000.10", "999.90")).toBe("0.20");
    expect(subtractDecimal("9999999999999999.99", "0.01")).toBe("9999999999999999.98");
  });

  it("keeps the larger scale and pads", () => {
    expect(subtractDecimal("100", "0.5")).toBe("99.5");
    expect(subtractDecimal("100.00", "0.5")).toBe("99.50");
    expect(subtractDecimal("0.05", "0.04")).toBe("0.01");
    expect(subtractDecimal("7", "7")).toBe("0");
    expect(subtractDecimal("5.00", "5.00")).toBe("0.00");
  });

  it("goes negative (an overpaid invoice) and handles negative operands", () => {
    expect(subtractDecimal("10.00", "10.50")).toBe("-0.50");
    expect(subtractDecimal("-1.25", "-1.25")).toBe("0.00");
    expect(subtractDecimal("-1.25", "1.00")).toBe("-2.25");
    expect(subtractDecimal("-0.00", "0.00")).toBe("0.00");
  });

  it("rejects what is not a decimal", () => {
    for (const bad of ["", "abc", "1e5", "1.", ".5", "1,50", " 1.00"]) {
      expect(() => subtractDecimal(bad, "0")).toThrow(TypeError);
    }
  });
});
