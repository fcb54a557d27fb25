import { redactDeep, redactText } from "./redact";

describe("redactText", () => {
  it.each([
    ["personnummer with dash", "id 19121212-1212 here", "id [number] here"],
    ["short personnummer", "121212-1212", "[number]"],
    ["personnummer with plus (over 100)", "121212+1212", "[number]"],
    ["Swedish org number", "556036-0793", "[number]"],
    ["Norwegian org number with spaces", "923 609 016", "[number]"],
    ["Finnish Y-tunnus", "0112038-9", "[number]"],
    ["Danish VAT", "DK13585628", "DK[number]"],
    ["international phone", "call +46 70-123 45 67", "call [number]"],
    ["email", "mail anna.svensson+x@example.co.uk now", "mail [email] now"],
    ["email on a local domain", "anna.svensson@intranet", "[email]"],
    ["email with a one-letter TLD", "(anna@example.x)", "[email]"],
    ["email with an apostrophe", "anna'@example.se", "[email]"],
    ["IBAN in groups", "SE45 5000 0000 0583 9825 7466", "[iban]"],
    ["IBAN compact", "iban=NL91ABNA0417164300;", "iban=[iban];"],
    ["JWT", "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig-_x", "token [token]"],
    ["bearer header", "Bearer abc.def", "Bearer [token]"],
    ["number split by underscores (an operation name)", "op_830821_4751", "op_[number]"],
    ["personnummer split by underscores", "get_19121212_1212_now", "get_[number]_now"],
    ["org number split in small groups", "55 60 36 07 93", "[number]"],
    ["number split by colons, commas and pipes", "556:036,07|93", "[number]"],
    ["number split by a zero-width space", "191212\u200B1212", "[number]"],
    ["number in full-width digits", "\uFF11\uFF19\uFF11\uFF12\uFF11\uFF12-\uFF11\uFF12\uFF11\uFF12", "[number]"],
    ["JWT header glued to a word", "tok_eyJhbGciOiJIUzI1NiJ9", "tok_[token]"],
    ["JWT glued to a word", "xeyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig", "x[token]"],
    ["JWT payload alone", "claims=eyJzdWIiOiJ4In0 ok", "claims=[token] ok"],
  ])("hides a %s", (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it("keeps short numbers and plain words", () => {
    expect(redactText("page 2 of 25, code SE, 12345")).toBe("page 2 of 25, code SE, 12345");
    expect(redactText("op_12_34 v2_final hey Judes eyJ short")).toBe("op_12_34 v2_final hey Judes eyJ short");
  });

  it("takes linear time on input made to make the number and token rules backtrack", () => {
    for (const text of ["1_".repeat(200_000), `1${"_".repeat(400_000)}`, `${"1 ".repeat(2)}${"-".repeat(400_000)}x`, "eyJ".repeat(130_000), `eyJ${"a.".repeat(200_000)}`, "+1a".repeat(130_000)]) {
      const started = process.hrtime.bigint();
      redactText(text);
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1_000);
    }
  });
});

describe("redactDeep", () => {
  it("replaces numbers of 6 or more digits (an org number or phone sent as a JSON number)", () => {
    expect(redactDeep({ phone: 46701234567, orgNumber: 5560360793, first: 100, rate: 12.5 })).toEqual({ phone: "[number]", orgNumber: "[number]", first: 100, rate: 12.5 });
  });

  it("cuts long text after redacting it, in linear time (40,000 emoji and a 700,000-character logotype)", () => {
    const emoji = redactDeep("😀".repeat(40_000) + " anna@example.se") as string;
    expect(emoji.length).toBeLessThan(600);
    expect(redactDeep("A".repeat(700_000) + " anna@example.se")).toBe(`${"A".repeat(500)}[…${700_000 + 8 - 500} more]`);
  });

  it("redacts every string at any depth, keys included, and keeps other values", () => {
    const input = { input: { orgNumber: "5560360793", tags: ["a@b.se"], creditLimit: 12, ok: true, none: null }, "19121212-1212": 1 };
    expect(redactDeep(input)).toEqual({
      input: { orgNumber: "[number]", tags: ["[email]"], creditLimit: 12, ok: true, none: null },
      "[number]": 1,
    });
  });

  it("replaces whole the value of a key that names a secret, whatever its shape (a source's credentials)", () => {
    const auth = { bearerToken: "crm-token-abc", apiKey: "k", oauth2: { tokenUrl: "https://idp.test/token", clientId: "gateway", clientSecret: "shh" } };
    expect(redactDeep({ input: { name: "CRM", auth } })).toEqual({
      input: { name: "CRM", auth: { bearerToken: "[secret]", apiKey: "[secret]", oauth2: { tokenUrl: "https://idp.test/token", clientId: "gateway", clientSecret: "[secret]" } } },
    });
    expect(redactDeep({ apiKey: null })).toEqual({ apiKey: null });
  });

  it("replaces credentials in a URL: a query parameter that names a secret, and (as an email) its user and password", () => {
    expect(redactDeep({ baseUrl: "https://crm.example.test/api?page=2&api_key=abc-def&x=1" })).toEqual({ baseUrl: "https://crm.example.test/api?page=2&api_key=[secret]&x=1" });
    expect(redactDeep({ baseUrl: "https://gateway:hunter2-long@crm.example.test/api" })).toEqual({ baseUrl: "[email]" });
    expect(redactDeep("https://crm.example.test/?token=crm-abc")).toBe("https://crm.example.test/?token=[secret]");
  });
});

describe("GraphQL syntax is left alone", () => {
  it.each([
    ['Unknown directive "@defer".', 'Unknown directive "@defer".'],
    ["Directive \"@include\" argument \"if\" of type \"Boolean!\" is required", "Directive \"@include\" argument \"if\" of type \"Boolean!\" is required"],
    ["query ($x: ID!) @skip(if: $x) { a }", "query ($x: ID!) @skip(if: $x) { a }"],
  ])("%s", (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each(["{@x.4g1.id", "@example.se", '"@a.b"', "(@mail.example.com)"])("still removes %s, which only starts like a directive", (text) => {
    expect(redactText(text)).not.toContain("@");
  });

  it("still removes an email next to a directive", () => {
    expect(redactText('"@defer" anna@example.se @x@y.se')).toBe('"@defer" [email] [email]');
  });
});
