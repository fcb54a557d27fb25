import path from "node:path";
import { spawnSync } from "node:child_process";
import { ClientForInvoiceQuery, CloseMandateMutation } from "../examples/archive-client";

/**
 * examples/: the codegen config consumers copy and a typed operation made with it. The example is
 * in tsconfig.json, so `npm test`'s tsc checks that it typechecks against the generated types.
 */
const root = path.join(__dirname, "..");

describe("examples/ (consumers' codegen)", () => {
  it("examples/generated is what the client preset makes of the schema and the example (run `npx graphql-codegen --config examples/codegen.ts`)", () => {
    const cli = path.join(root, "node_modules", "@graphql-codegen", "cli", "cjs", "bin.js");
    const result = spawnSync(process.execPath, [cli, "--config", "examples/codegen.ts", "--check"], { cwd: root, encoding: "utf8" });
    expect({ status: result.status, output: result.status === 0 ? "" : `${result.stdout}${result.stderr}` }).toEqual({ status: 0, output: "" });
  });

  it("the generated documents are the example's operations, with strictScalars: no custom scalar left unknown", () => {
    expect(ClientForInvoiceQuery.definitions[0]).toMatchObject({ name: { value: "ClientForInvoice" } });
    expect(CloseMandateMutation.definitions[0]).toMatchObject({ name: { value: "CloseMandate" } });
  });
});
