import { TestGateway } from "./helpers/harness";
import { WRITER } from "./helpers/mutations";

let gateway: TestGateway;
let tenant: string;
beforeAll(async () => {
  gateway = await TestGateway.start();
  tenant = gateway.newTenant();
});
afterAll(() => gateway.stop());

const requestLine = (requestId: unknown) => gateway.logs().find((line) => line.msg === "request" && line.requestId === requestId);

describe("the request log", () => {
  it("writes one JSON line per request: id, operation, tenant, duration, statements and outcome", async () => {
    const response = await gateway.send(`query Overview { clientsSummary { accessibleClients } }`, {}, { tenant });
    const requestId = response.extensions?.requestId;
    const lines = gateway.logs().filter((line) => line.requestId === requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "request",
      operationName: "Overview",
      tenant,
      statements: gateway.lastRequest().stats.statements,
      outcome: "ok",
      errorCodes: [],
    });
    expect(lines[0].statements).toBeGreaterThan(0);
    expect(lines[0].durationMs).toEqual(expect.any(Number));
    expect(lines[0].time).toEqual(expect.any(String));
  });

  it("logs refused requests too, with their code and no tenant", async () => {
    const response = await gateway.send(`{ clientsSummary { accessibleClients } }`, {}, { tenant, authorization: "Bearer not-a-token" });
    expect(requestLine(response.errors?.[0]?.extensions?.requestId)).toMatchObject({ outcome: "error", errorCodes: ["UNAUTHENTICATED"], tenant: null, statements: 0 });
  });

  it("redacts a number or token hidden in the operation name, split by underscores or glued to a word", async () => {
    const names = { op_830821_4751: "op_[number]", tok_eyJhbGciOiJIUzI1NiJ9: "tok_[token]", get_19121212_1212_now: "get_[number]_now" };
    for (const [name, logged] of Object.entries(names)) {
      const response = await gateway.send(`query ${name} { clientsSummary { accessibleClients } }`, {}, { tenant });
      expect(requestLine(response.extensions?.requestId)?.operationName).toBe(logged);
    }
    // Nowhere else in the log either (parts short enough to turn up in a request id by chance are left out).
    const everything = gateway.logLines.join("\n");
    for (const part of ["830821", "eyJhbGciOiJIUzI1NiJ9", "19121212"]) expect(everything).not.toContain(part);
  });

  it("redacts org numbers, personnummer, emails, phones, IBANs and tokens in variables and never logs the bearer token", async () => {
    const secrets = {
      orgNumber: "556036-0793",
      personnummer: "19121212-1212",
      email: "anna.svensson@example.se",
      phone: "+46 70 123 45 67",
      iban: "SE45 5000 0000 0583 9825 7466",
      token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
    };
    const response = await gateway.send(
      `mutation Create($input: CreateClientInput!, $key: String!) { createClient(input: $input, idempotencyKey: $key, dryRun: true) { error { code } } }`,
      {
        input: { name: "Logged AB", countryCode: "SE", orgNumber: secrets.orgNumber, email: secrets.email, phone: secrets.phone, notes: `${secrets.personnummer} ${secrets.iban} ${secrets.token}` },
        key: "log-test",
      },
      { tenant, scopes: WRITER },
    );
    const line = requestLine(response.extensions?.requestId);
    expect(line?.variables).toMatchObject({ input: { name: "Logged AB", orgNumber: "[number]", email: "[email]", phone: "[number]", notes: "[number] [iban] [token]" } });
    const everything = gateway.logLines.join("\n");
    const authorization = (await gateway.token([tenant], WRITER)).split(".")[0];
    for (const value of [...Object.values(secrets), "5560360793", "191212121212", "121212-1212", "701234567", authorization]) {
      expect(everything).not.toContain(value);
    }
  });
});
