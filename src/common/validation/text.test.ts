import { hasVisibleCharacter, textProblem } from "./text";

describe("hasVisibleCharacter", () => {
  it.each([
    ["empty", ""],
    ["spaces, tabs, no-break and ideographic spaces, line separators", " \t\u00A0\u3000\u2028\n"],
    ["zero-width space, non-joiner, joiner, word joiner, BOM", "\u200B\u200C\u200D\u2060\uFEFF"],
    ["soft hyphen and bidi marks", "\u00AD\u200E\u200F\u061C"],
    ["bidi embeddings, overrides and isolates", "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"],
    ["Hangul fillers", "\u115F\u1160\u3164\uFFA0"],
    ["variation selectors and tags", "\uFE0F\u{E0041}"],
    ["combining marks with no letter", "\u0301\u0308\u034F"],
    ["a lone surrogate", "\uD800"],
    ["the blank braille pattern", "\u2800"],
  ])("is false for %s", (_name, value) => {
    expect(hasVisibleCharacter(value)).toBe(false);
  });

  it.each([["a letter", "a"], ["a digit", "0"], ["punctuation", "."], ["an emoji", "\u{1F642}"], ["Hebrew", "\u05E9"], ["an accented letter", "e\u0301"]])(
    "is true with %s",
    (_name, value) => {
      expect(hasVisibleCharacter(`\u200B${value}\u200B`)).toBe(true);
    },
  );
});

describe("textProblem", () => {
  it("checks the length, blankness of a required text, invisible optional text and bidi controls", () => {
    expect(textProblem("abcd", { max: 3 })).toBe("At most 3 characters");
    expect(textProblem("\u200B", { required: true })).toBe("Must not be blank");
    expect(textProblem("", { required: true })).toBe("Must not be blank");
    expect(textProblem("", {})).toBeNull();
    expect(textProblem("\u200B", {})).toBe("Has no visible character (null clears the field)");
    expect(textProblem("abc\u202Efed", {})).toMatch(/^Must not contain bidirectional override or isolate controls/);
    expect(textProblem("\u05E9\u05DC\u05D5\u05DD\u200F 42", { required: true, max: 255 })).toBeNull();
  });

  it("refuses tag characters inside visible text (ASCII smuggling), except a subdivision flag's", () => {
    const TAGS = /^Must not contain tag characters \(U\+E0000\.\.U\+E007F\)/;
    // "Anna" followed by "ignore this" written in tags: shown as "Anna", stored with the hidden text.
    const smuggled = `Anna${[..."ignore this"].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("")}`;
    expect(textProblem(smuggled, { required: true })).toMatch(TAGS);
    expect(textProblem("a\u{E0001}b", {})).toMatch(TAGS);
    expect(textProblem("x\u{E007F}", {})).toMatch(TAGS);
    // Scotland's flag is a black flag with the tags "gbsct" and a cancel tag: the only use of tags in text.
    const scotland = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
    expect(textProblem(`Glasgow ${scotland}`, { required: true })).toBeNull();
    // A flag can't carry more: a tag sequence longer than a subdivision code is refused.
    expect(textProblem(`\u{1F3F4}${"\u{E0061}".repeat(12)}\u{E007F}`, {})).toMatch(TAGS);
  });

  it("refuses a lone surrogate, which would be stored changed (as U+FFFD)", () => {
    const SURROGATE = /^Must not contain a lone surrogate/;
    expect(textProblem("Sur\ud800rogate", { required: true })).toMatch(SURROGATE);
    expect(textProblem("end\udfff", {})).toMatch(SURROGATE);
    expect(textProblem("\ud800", { required: true })).toMatch(SURROGATE);
    expect(textProblem("pair \ud83d\ude00", { required: true })).toBeNull();
  });

  it("takes linear time on long input", () => {
    const started = process.hrtime.bigint();
    expect(textProblem("\u200B".repeat(700_000), {})).toBe("Has no visible character (null clears the field)");
    expect(textProblem(`${"\u0301".repeat(700_000)}x`, {})).toBeNull();
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1_000);
  });
});
