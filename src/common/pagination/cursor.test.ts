import { GatewayError } from "../errors";
import { decodeCursor, encodeCursor } from "./cursor";

describe("cursor", () => {
  it("round-trips sort values, nulls and ids", () => {
    const values = ["2026-01-01T00:00:00.000Z", null, "42"];
    expect(decodeCursor(encodeCursor(values), 3)).toEqual(values);
  });

  it("rejects garbage, other shapes and other lengths as BAD_USER_INPUT", () => {
    for (const bad of ["", "%%%", encodeCursor(["a"]), Buffer.from('{"a":1}').toString("base64url")]) {
      expect(() => decodeCursor(bad, 2)).toThrow(GatewayError);
    }
    try {
      decodeCursor("nope", 2);
    } catch (error) {
      expect((error as GatewayError).extensions.code).toBe("BAD_USER_INPUT");
    }
  });
});
