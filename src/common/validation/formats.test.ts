import {
  compareDecimals, decimalProblem, isCalendarDate, isCountryCode, isCultureCode, isCurrencyCode, isEmailAddress, isLanguageCode, isPhoneNumber, isWebUrl,
} from "./formats";

describe("format checks of plain-string inputs", () => {
  it("accepts what the output scalars accept and nothing else", () => {
    expect([isEmailAddress("billing@acme.example"), isEmailAddress("billing@"), isEmailAddress("no at sign")]).toEqual([true, false, false]);
    expect([isCountryCode("SE"), isCountryCode("se"), isCountryCode("XX")]).toEqual([true, false, false]);
    expect([isCurrencyCode("SEK"), isCurrencyCode("EUR"), isCurrencyCode("KRONA"), isCurrencyCode("XXY")]).toEqual([true, true, false, false]);
    expect([isWebUrl("https://acme.example/a"), isWebUrl("ftp://acme.example"), isWebUrl("javascript:alert(1)"), isWebUrl("acme.example")]).toEqual([true, false, false, false]);
  });
  it("knows ISO 639-1 languages and language-REGION cultures", () => {
    expect([isLanguageCode("sv"), isLanguageCode("fi"), isLanguageCode("xx"), isLanguageCode("SV")]).toEqual([true, true, false, false]);
    expect([isCultureCode("sv-SE"), isCultureCode("nb-NO"), isCultureCode("sv_SE"), isCultureCode("xx-SE"), isCultureCode("sv-XX")]).toEqual([true, true, false, false, false]);
  });
  it("takes phone numbers as people write them, with at least 5 digits", () => {
    expect([isPhoneNumber("+46 8 123 456"), isPhoneNumber("(08) 12-34-56"), isPhoneNumber("1234"), isPhoneNumber("call me")]).toEqual([true, true, false, false]);
  });
  it("takes only real calendar dates", () => {
    expect([isCalendarDate("2024-02-29"), isCalendarDate("2023-02-29"), isCalendarDate("2024-13-01"), isCalendarDate("24-01-01")]).toEqual([true, false, false, false]);
  });
});

describe("decimals, never floats", () => {
  const percent = { precision: 9, scale: 4, min: "0", max: "100" };
  const money = { precision: 18, scale: 2, min: "0" };
  it("checks range, scale and size exactly", () => {
    expect(decimalProblem("100.0000", percent)).toBeNull();
    expect(decimalProblem("100.0001", percent)).toBe("Must be at most 100");
    expect(decimalProblem("-0.01", money)).toBe("Must be at least 0");
    expect(decimalProblem("0.10", money)).toBeNull();
    expect(decimalProblem("1.234", money)).toBe("At most 2 decimal places");
    expect(decimalProblem("1.2300", money)).toBeNull();
    expect(decimalProblem("9999999999999999.99", money)).toBeNull();
    expect(decimalProblem("10000000000000000", money)).toBe("Too large");
  });
  it("compares without rounding", () => {
    expect(compareDecimals("0.1", "0.10")).toBe(0);
    expect(compareDecimals("-1", "0.5")).toBe(-1);
    expect(compareDecimals("10", "9.99")).toBe(1);
    expect(compareDecimals("9007199254740993.01", "9007199254740993.00")).toBe(1);
  });
});
