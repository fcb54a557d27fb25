import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { getNamedType, isObjectType, parse } from "graphql";
import { ENTITY_TYPE_NAMES } from "../src/federation";
import { buildGatewaySchema, printSubgraphSdl } from "../src/schema";
import { TestGateway } from "./helpers/harness";
import { createClients, fullGraph } from "./helpers/fixtures";

/**
 * Federation v2 (API.md): our gateway as the subgraph "client-data", composed with a small CRM
 * subgraph that extends Client by its id, behind an in-process Apollo Gateway that forwards the
 * caller's Authorization and X-Company-Id, every part over real HTTP on local ports.
 */

/** The CRM subgraph: a score per client, and a root field that names clients by id only. */
const CRM_TYPE_DEFS = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Client @key(fields: "id") {
    id: ID!
    crmScore: Int!
  }
  type Query {
    crmClients(ids: [ID!]!): [Client]!
  }
`);
/** What the CRM has seen of the headers: the router should forward them to every subgraph alike. */
const crmHeaders: Record<string, string | undefined>[] = [];
const crmSchema = buildSubgraphSchema({
  typeDefs: CRM_TYPE_DEFS,
  resolvers: {
    Query: { crmClients: (_root: unknown, { ids }: { ids: string[] }) => ids.map((id) => ({ id })) },
    Client: {
      __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
      crmScore: (client: { id: string }) => (Number(client.id) * 7) % 100,
    },
  } as never,
});

interface RouterContext {
  authorization?: string;
  companyId?: string;
}

let gateway: TestGateway;
let crm: ApolloServer;
let crmUrl: string;
let router: ApolloServer<RouterContext>;
let routerUrl: string;

beforeAll(async () => {
  gateway = await TestGateway.start();
  crm = new ApolloServer({ schema: crmSchema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  ({ url: crmUrl } = await startStandaloneServer(crm, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => {
      crmHeaders.push({ authorization: req.headers.authorization, companyId: req.headers["x-company-id"] as string | undefined });
      return {};
    },
  }));
  const composed = composeServices([
    { name: "client-data", typeDefs: parse(printSubgraphSdl(await buildGatewaySchema())), url: gateway.url },
    { name: "crm", typeDefs: CRM_TYPE_DEFS, url: crmUrl },
  ]);
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((error) => error.message).join("; ")}`);
  router = new ApolloServer<RouterContext>({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<RouterContext>({
          url,
          // As Apollo Router's headers propagation would (README): the caller's token and company to every subgraph.
          willSendRequest({ request, context }) {
            if (context.authorization) request.http?.headers.set("authorization", context.authorization);
            if (context.companyId) request.http?.headers.set("x-company-id", context.companyId);
          },
        }),
    }),
  });
  ({ url: routerUrl } = await startStandaloneServer(router, {
    listen: { port: 0, host: "127.0.0.1" },
    context: async ({ req }) => ({ authorization: req.headers.authorization, companyId: req.headers["x-company-id"] as string | undefined }),
  }));
}, 60_000);

afterAll(async () => {
  await router?.stop();
  await crm?.stop();
  await gateway?.stop();
});

interface RouterResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

async function throughRouter<T>(query: string, variables: Record<string, unknown>, tenant: string, scopes = ["clients:read"]): Promise<RouterResponse<T>> {
  const token = await gateway.token([tenant], scopes);
  const response = await fetch(routerUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-company-id": tenant },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as RouterResponse<T>;
}

/** The requests our gateway served while `run` ran. */
async function servedDuring<T>(run: () => Promise<T>): Promise<{ result: T; served: typeof gateway.requests }> {
  const before = gateway.requests.length;
  const result = await run();
  return { result, served: gateway.requests.slice(before) };
}

const SPANNING = `query Spanning($ids: [ID!]!) {
  crmClients(ids: $ids) { id crmScore name orgNumber }
}`;
type Spanning = { crmClients: ({ id: string; crmScore: number; name: string; orgNumber: string | null } | null)[] };

describe("the subgraph", () => {
  it("keys every object type with an id: Client by id, uniqueId and countryCode orgNumber, the others by id", async () => {
    const schema = await buildGatewaySchema();
    const withId = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith("__") && getNamedType(type.getFields().id?.type)?.name === "ID")
      .map((type) => type.name)
      .sort();
    expect([...ENTITY_TYPE_NAMES].sort()).toEqual(withId);
    const sdl = printSubgraphSdl(schema);
    for (const name of withId.filter((n) => n !== "Client")) expect(sdl).toMatch(new RegExp(`type ${name}\\s+@key\\(fields: "id"\\)\\s+\\{`));
    expect(sdl).toMatch(/type Client\s+@key\(fields: "id"\)\s+@key\(fields: "uniqueId"\)\s+@key\(fields: "countryCode orgNumber"\)\s+\{/);
  });

  it("answers _service { sdl } with the subgraph SDL of schema/subgraph.graphql", async () => {
    const tenant = gateway.newTenant();
    const response = await gateway.send<{ _service: { sdl: string } }>("{ _service { sdl } }", {}, { tenant });
    expect(`${response.data!._service.sdl.trimEnd()}\n`).toBe(printSubgraphSdl(await buildGatewaySchema()));
  });

  it("needs clients:read for _entities: FORBIDDEN, and nothing read", async () => {
    const tenant = gateway.newTenant();
    const [id] = await createClients(gateway, tenant, [{ name: "Scoped" }]);
    const response = await gateway.send(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { name } } }`,
      { r: [{ __typename: "Client", id }] },
      { tenant, scopes: ["clients:write"] },
    );
    expect(response.errors?.map((error) => error.extensions?.code)).toEqual(["FORBIDDEN"]);
    expect(gateway.lastRequest().stats.statements).toBe(0);
  });

  it("resolves Client by each of its keys, and other entities by id, in one statement per type and key", async () => {
    const tenant = gateway.newTenant();
    const other = gateway.newTenant();
    const [a, b] = await createClients(gateway, tenant, [
      { ...fullGraph(1), name: "Alpha AB", countryCode: "SE", orgNumber: "5560000001" },
      { name: "Beta AB", countryCode: "SE", orgNumber: "5560000002" },
    ]);
    const [foreign] = await createClients(gateway, other, [{ name: "Foreign AB" }]);
    const ids = await gateway.send<{ client: { uniqueId: string; bankAccounts: { id: string }[] } }>(`query($id: ID!) { client(id: $id) { uniqueId bankAccounts { id } } }`, { id: a }, { tenant });
    const { uniqueId, bankAccounts } = ids.data!.client;
    const representations = [
      { __typename: "Client", id: a },
      { __typename: "Client", id: b },
      { __typename: "Client", id: foreign },
      { __typename: "Client", id: "999999999" },
      { __typename: "Client", id: "not-an-id" },
      { __typename: "Client", uniqueId },
      { __typename: "Client", countryCode: "SE", orgNumber: "556000-0002" },
      { __typename: "BankAccount", id: bankAccounts[0].id },
    ];
    const response = await gateway.send<{ _entities: ({ __typename: string; name?: string; id?: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Client { name } ... on BankAccount { id } } }`,
      { r: representations },
      { tenant },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([
      { __typename: "Client", name: "Alpha AB" },
      { __typename: "Client", name: "Beta AB" },
      null,
      null,
      null,
      { __typename: "Client", name: "Alpha AB" },
      { __typename: "Client", name: "Beta AB" },
      { __typename: "BankAccount", id: bankAccounts[0].id },
    ]);
    // Clients by id, by uniqueId, by org number, and bank accounts by id: four statements.
    expect(gateway.lastRequest().stats.statements).toBe(4);
  });
});

describe("through Apollo Gateway, with a second subgraph", () => {
  it("answers a query spanning both, our fields for our tenant only, one statement for all the clients", async () => {
    const tenant = gateway.newTenant();
    const other = gateway.newTenant();
    const ids = await createClients(gateway, tenant, [{ name: "One AB" }, { name: "Two AB" }, { name: "Three AB" }, { name: "Four AB" }]);
    const [foreign] = await createClients(gateway, other, [{ name: "Foreign AB" }]);
    crmHeaders.length = 0;
    const { result, served } = await servedDuring(() => throughRouter<Spanning>(SPANNING, { ids: [...ids, foreign] }, tenant));
    // The CRM's fields for all five; ours for the tenant's four; the foreign one is null (its non-null name is missing).
    expect(result.data!.crmClients.slice(0, 4)).toEqual(
      ids.map((id, i) => ({ id, crmScore: (Number(id) * 7) % 100, name: ["One AB", "Two AB", "Three AB", "Four AB"][i], orgNumber: null })),
    );
    expect(result.data!.crmClients[4]).toBeNull();
    // Our subgraph got the caller's token and company (its request was for the tenant), and one _entities request of one statement.
    expect(served.map((request) => ({ tenantId: request.tenantId, statements: request.stats.statements, errors: request.errorCodes }))).toEqual([
      { tenantId: tenant, statements: 1, errors: [] },
    ]);
    expect(crmHeaders.at(-1)).toEqual({ authorization: expect.stringMatching(/^Bearer /), companyId: tenant });
  });

  it("masks a sole trader's personnummer without clients:pii, and shows it with", async () => {
    const tenant = gateway.newTenant();
    const [person] = await createClients(gateway, tenant, [{ name: "Karin Lund", clientType: "INDIVIDUAL" as never, countryCode: "SE", orgNumber: "8308211235" }]);
    const masked = await throughRouter<Spanning>(SPANNING, { ids: [person] }, tenant);
    const plain = await throughRouter<Spanning>(SPANNING, { ids: [person] }, tenant, ["clients:read", "clients:pii"]);
    expect(masked.data!.crmClients[0]!.orgNumber).toMatch(/^830821-?\*{4}$/);
    expect(plain.data!.crmClients[0]!.orgNumber).toMatch(/^830821-?1235$/);
  });

  it("passes our subgraph's refusal on: without clients:read the caller gets FORBIDDEN and none of our fields", async () => {
    const tenant = gateway.newTenant();
    const [id] = await createClients(gateway, tenant, [{ name: "Hidden AB" }]);
    const { result, served } = await servedDuring(() => throughRouter<Spanning>(SPANNING, { ids: [id] }, tenant, ["clients:write"]));
    expect(JSON.stringify(result.data ?? null)).not.toContain("Hidden AB");
    expect(result.errors?.map((error) => error.extensions?.code)).toContain("FORBIDDEN");
    expect(served.map((request) => request.stats.statements)).toEqual([0]);
  });
});
