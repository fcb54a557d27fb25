import fc from "fast-check";
import { canonicalJson } from "../common/mutation/idempotency";
import { contentHash } from "./content-hash";

/** The same object with its keys in reverse order, at every depth. */
const reversed = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(reversed)
    : value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
      : value;

describe("contentHash", () => {
  it("is the same for the same content, whatever the order of keys, and 64 hex characters", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(contentHash(reversed(value))).toBe(contentHash(value));
        expect(contentHash(value)).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });

  it("changes with any value, with array order, and tells a number from a string", () => {
    const record = { name: "Moen & Sønn AS", amounts: ["10.50", "2.00"], limit: 100, nested: { vat: "SE556036079301" } };
    const hash = contentHash(record);
    expect(contentHash({ ...record, name: "Moen & Sønn ASA" })).not.toBe(hash);
    expect(contentHash({ ...record, amounts: ["2.00", "10.50"] })).not.toBe(hash);
    expect(contentHash({ ...record, limit: "100" })).not.toBe(hash);
    expect(contentHash({ ...record, nested: { vat: "SE556036079302" } })).not.toBe(hash);
    // An undefined property is no content, as in JSON; null is.
    expect(contentHash({ ...record, extra: undefined })).toBe(hash);
    expect(contentHash({ ...record, extra: null })).not.toBe(hash);
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});
