import { GatewayError } from "../errors";
import { CursorCodec } from "./cursor";

describe("CursorCodec", () => {
  const codec = new CursorCodec("a".repeat(32));

  it("round-trips sort values, nulls and ids", () => {
    const values = ["2026-01-01T00:00:00.000Z", null, "42"];
    expect(codec.decode(codec.encode(values), 3)).toEqual(values);
  });

  it("hides the values: a personnummer in a cursor is not readable", () => {
    const cursor = codec.encode(["198001011234", "7"]);
    expect(Buffer.from(cursor, "base64url").toString("latin1")).not.toContain("198001011234");
    expect(cursor).not.toContain(Buffer.from("198001011234").toString("base64url").slice(0, 8));
  });

  it("rejects garbage, tampered cursors, other lengths and other secrets as BAD_USER_INPUT", () => {
    const good = codec.encode(["a", "1"]);
    const tampered = Buffer.from(good, "base64url");
    tampered[tampered.length - 1] ^= 1;
    const plain = Buffer.from(JSON.stringify(["a", "1"])).toString("base64url");
    for (const bad of ["", "%%%", plain, tampered.toString("base64url"), new CursorCodec("b".repeat(32)).encode(["a", "1"])]) {
      expect(() => codec.decode(bad, 2)).toThrow(GatewayError);
    }
    expect(() => codec.decode(good, 3)).toThrow(GatewayError);
    try {
      codec.decode("nope", 2);
    } catch (error) {
      expect((error as GatewayError).extensions.code).toBe("BAD_USER_INPUT");
    }
  });

  describe("with a scope", () => {
    const scope = { list: "clients", order: "c.created_at ASC,c.id ASC", filter: { filter: { name: { eq: "a" } }, search: null } };

    it("round-trips under the same scope, whatever the key order or empty members of the filter", () => {
      const cursor = codec.encode(["x", "1"], scope);
      expect(codec.decode(cursor, 2, "after", { ...scope, filter: { search: undefined, filter: { name: { eq: "a" } } } })).toEqual(["x", "1"]);
    });

    it.each([
      ["list", { ...scope, list: "auditHistory" }],
      ["order", { ...scope, order: "c.name DESC,c.id DESC" }],
      ["filter", { ...scope, filter: { filter: { name: { eq: "b" } } } }],
    ])("refuses it under another %s with reason CURSOR_MISMATCH", (mismatch, other) => {
      const cursor = codec.encode(["x", "1"], scope);
      try {
        codec.decode(cursor, 2, "after", other);
        throw new Error("not refused");
      } catch (error) {
        expect((error as GatewayError).extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "CURSOR_MISMATCH", mismatch, field: "after" });
      }
    });

    it("stays small: the scope adds a short fixed header (hashes), whatever the size of the filter", () => {
      const plain = codec.encode(["2026-01-01T00:00:00.000Z", "123456"]);
      const scoped = codec.encode(["2026-01-01T00:00:00.000Z", "123456"], { ...scope, filter: { search: "x".repeat(500) } });
      expect(scoped.length - plain.length).toBeLessThan(35);
    });
  });
});
