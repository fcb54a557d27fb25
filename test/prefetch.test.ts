import { defaultFieldResolver, FieldNode, GraphQLObjectType, GraphQLSchema, OperationDefinitionNode, print } from "graphql";
import { buildSchema, Ctx, FieldResolver, Int, NonEmptyArray, Resolver } from "type-graphql";
import { scopeAuthChecker } from "../src/auth/auth-checker";
import { dbFreeFields, planReads } from "../src/common/prefetch";
import type { RequestContext } from "../src/context";
import { Client } from "../src/modules/client/client.entity";
import { resolvers } from "../src/modules";
import { ClientsWithRelationsDocument } from "./generated/graphql";
import { dataOf, TestGateway } from "./helpers/harness";
import { createClients, fullGraph } from "./helpers/fixtures";

/** Two fields of this test's schema only: one the planner doesn't know, one declared database-free although it reads. */
@Resolver(() => Client)
class ProbeResolver {
  @FieldResolver(() => Int, { description: "Reads the database; not registered with the planner" })
  async unplannedProbe(@Ctx() ctx: RequestContext): Promise<number> {
    const [row] = await ctx.session.query<{ n: number }>("SELECT 1::int AS n");
    return row.n;
  }

  @FieldResolver(() => Int, { description: "Reads the database, though declared database-free: the plan misses it" })
  async lateProbe(@Ctx() ctx: RequestContext): Promise<number> {
    const [row] = await ctx.session.query<{ n: number }>("SELECT 2::int AS n");
    return row.n;
  }
}
dbFreeFields("Client", ["lateProbe"]);

/** What `Client.id` saw while graphql-js completed it: the request, and the connections it held then. */
interface Sample {
  ctx: RequestContext;
  held: number;
}

/** The gateway's schema plus the probes, planned like the gateway's; every Client.id resolution is sampled. */
async function probedSchema(samples: Sample[]): Promise<GraphQLSchema> {
  const all = [...resolvers, ProbeResolver] as unknown as NonEmptyArray<Function>;
  const schema = await buildSchema({ resolvers: all, authChecker: scopeAuthChecker, validate: false });
  planReads(schema, all);
  const id = (schema.getType("Client") as GraphQLObjectType).getFields().id;
  const resolve = id.resolve ?? defaultFieldResolver;
  id.resolve = (source, args, ctx: RequestContext, info) => {
    samples.push({ ctx, held: ctx.session.connectionsHeld });
    return resolve(source, args, ctx, info);
  };
  return schema;
}

const clientsField = (ClientsWithRelationsDocument.definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode;
const nodesField = clientsField.selectionSet!.selections.find((s) => (s as FieldNode).name.value === "nodes") as FieldNode;
/** The selection of test/operations/relations.graphql under `nodes`: a client with every relation. */
const RELATIONS = print(nodesField.selectionSet!);

const BY_ID = `query ClientRelationsById($id: ID!) { client(id: $id) ${RELATIONS} }`;
const PAGE = `query Page($withTotal: Boolean!) {
  clients(first: 50, orderBy: [{ field: NAME, direction: DESC }]) {
    totalCount @include(if: $withTotal)
    edges { cursor node { id name orgNumber fullAddress } }
    pageInfo { hasNextPage endCursor startCursor }
  }
}`;
const ROOTS = `query Roots($id: ID!) {
  clientsSummary { accessibleClients archivedClients favoriteCount favorites(first: 5) { id name parent { id } } latestOpened { id } }
  clients(first: 5) { totalCount nodes { id children { id } } }
  one: client(id: $id) { id summary { invoiceCount } }
  two: client(id: $id) { id contract { contractNumber } }
}`;
const SHAPES = `query Shapes($withActs: Boolean!, $skipHistory: Boolean!) {
  clients(first: 20) {
    nodes {
      id
      ...Up
      newest: acts(first: 1) @include(if: $withActs) { nodes { periodEnd } }
      ... on Client @skip(if: $skipHistory) { history(first: 2) { edges { cursor node { operation } } } }
      ... on Client { factoringLoanContract { t: latestTransactions(first: 2) { amount } summary { fees } } }
    }
  }
}
fragment Up on Client { parent { ...Sum } children { id ...Sum } }
fragment Sum on Client { summary { invoiceCount openInvoiceAmount } pricelists { pricelistName } }`;

let gateway: TestGateway;
let tenant: string;
let ids: string[];
const samples: Sample[] = [];

beforeAll(async () => {
  gateway = await TestGateway.start({ schema: await probedSchema(samples) });
  tenant = gateway.newTenant();
  ids = await createClients(gateway, tenant, Array.from({ length: 100 }, (_, i) => fullGraph(i, i > 0 ? 0 : undefined)));
  // A favourite and an opened client, for clientsSummary.
  dataOf(await gateway.send(`mutation { addFavoriteClient(clientId: "${ids[1]}", idempotencyKey: "fav-1") { isFavorite } }`, {}, { tenant }));
  dataOf(await gateway.send(`query { client(id: "${ids[2]}") { id } }`, {}, { tenant }));
  await gateway.flushOpenedClients();
});
afterAll(() => gateway.stop());

/** Sends an operation and returns its response and what the request's Client.id resolutions saw. */
async function run(query: string, variables: Record<string, unknown> = {}) {
  samples.length = 0;
  const response = await gateway.send<Record<string, unknown>>(query, variables, { tenant });
  const contexts = new Set(samples.map((sample) => sample.ctx));
  expect(contexts.size).toBe(1);
  const [ctx] = contexts;
  return { response, ctx, held: samples.map((sample) => sample.held), stats: gateway.lastRequest().stats };
}

describe("Planned reads", () => {
  // The statement counts are those the same operations cost before the reads were planned
  // (measured on the commit before it), so planning changed none of them.
  it.each([
    ["a page of 100 clients with every relation (relations.graphql)", print(ClientsWithRelationsDocument), { first: 100 }, 19],
    ["one client by id with every relation", BY_ID, () => ({ id: ids[1] }), 19],
    ["a page with totalCount, edges and cursors", PAGE, { withTotal: true }, 2],
    ["several root fields at once, aliased", ROOTS, () => ({ id: ids[0] }), 12],
    ["fragments, inline fragments, aliases, @include and @skip", SHAPES, { withActs: true, skipHistory: false }, 12],
    ["the same, skipping a fragment", SHAPES, { withActs: true, skipHistory: true }, 11],
  ])("%s: all read before values complete, with no connection held then and the statements as before", async (_name, query, variables, statements) => {
    const { response, ctx, held, stats } = await run(query, typeof variables === "function" ? variables() : variables);
    dataOf(response);
    expect(ctx.plan).toBeTruthy();
    expect(held.length).toBeGreaterThan(0);
    // Every Client.id was completed after the connection went back to the pool.
    expect(held.every((n) => n === 0)).toBe(true);
    expect(ctx.session.lateReads).toBe(0);
    expect(stats).toEqual({ statements, framing: 3 });
  });

  it("answers what the planner read: the relations of a page are those the resolvers give", async () => {
    const { response } = await run(SHAPES, { withActs: true, skipHistory: true });
    const nodes = (dataOf(response).clients as { nodes: Record<string, unknown>[] }).nodes;
    expect(nodes).toHaveLength(20);
    const child = nodes.find((node) => (node.parent as { summary?: unknown } | null) !== null)!;
    expect(child.parent).toEqual({ summary: { invoiceCount: 3, openInvoiceAmount: "1299.90" }, pricelists: [{ pricelistName: "Standard" }, { pricelistName: "Campaign" }] });
    expect(child.newest).toEqual({ nodes: [{ periodEnd: "2025-12-31" }] });
    expect(child).not.toHaveProperty("history");
    expect(child.factoringLoanContract).toEqual({ t: [{ amount: "50.00" }, { amount: "125.25" }], summary: { fees: "50.00" } });
  });

  it("raises a planned field's error at its path, with its code, as execution would", async () => {
    const page = await run(`{ clients(first: 3) { nodes { id acts(first: 101) { nodes { periodEnd } } latestAct { periodEnd } } } }`);
    expect(page.response.data).toBeNull();
    expect(page.response.errors).toEqual([
      {
        message: "first must be between 1 and 100",
        locations: [{ line: 1, column: 34 }],
        path: ["clients", "nodes", 0, "acts"],
        extensions: { code: "BAD_USER_INPUT", field: "first" },
      },
    ]);
    const one = await run(`query ($id: ID!) { client(id: $id) { id history(after: "not a cursor") { nodes { operation } } parent { id } } }`, { id: ids[3] });
    expect(one.response.data).toEqual({ client: null });
    expect(one.response.errors).toEqual([
      {
        message: '"after" is not a cursor of this list',
        locations: [{ line: 1, column: 41 }],
        path: ["client", "history"],
        extensions: { code: "BAD_USER_INPUT", field: "after" },
      },
    ]);
    for (const { ctx } of [page, one]) expect(ctx.session.lateReads).toBe(0);
  });

  it("raises a directive whose argument fails to coerce at its field, as execution does, and reads nothing after the release", async () => {
    // A group of three: `mid` has a parent and a child. `$with: Boolean = true` may be sent as null,
    // which graphql-js refuses only when it collects the selection that carries the directive.
    const [, mid, leaf] = await createClients(gateway, tenant, [fullGraph(200), fullGraph(201, 0), fullGraph(202, 1)]);
    const query = `query ($mid: ID!, $other: ID!, $with: Boolean = true) {
      client(id: $mid) { id parent { id children @include(if: $with) { id } } children { id summary { invoiceCount } acts { nodes { periodEnd } } } }
      other: client(id: $other) { id }
    }`;
    const { response, ctx, held } = await run(query, { mid, other: ids[5], with: null });
    expect(response.data).toEqual({
      client: { id: mid, parent: null, children: [{ id: leaf, summary: { invoiceCount: 3 }, acts: { nodes: [{ periodEnd: "2025-12-31" }, { periodEnd: "2024-12-31" }, { periodEnd: "2023-12-31" }] } }] },
      other: { id: ids[5] },
    });
    expect(response.errors).toEqual([
      {
        message: 'Argument "if" of non-null type "Boolean!" must not be null.',
        locations: [{ line: 2, column: 63 }],
        path: ["client", "parent"],
        extensions: { code: "BAD_USER_INPUT" },
      },
    ]);
    expect(ctx.plan).toBeTruthy();
    expect(held.every((n) => n === 0)).toBe(true);
    expect(ctx.session.lateReads).toBe(0);
  });

  it("keeps the connection to the end for an operation with a field the planner doesn't know, and answers it", async () => {
    const { response, ctx, held, stats } = await run(`query ($id: ID!) { client(id: $id) { id unplannedProbe children { id } } }`, { id: ids[0] });
    expect(dataOf(response).client).toMatchObject({ id: ids[0], unplannedProbe: 1 });
    expect(ctx.plan).toBeNull();
    // As before planning: the request holds its connection while its values complete.
    expect(held.every((n) => n === 1)).toBe(true);
    expect(ctx.session.lateReads).toBe(0);
    expect(stats).toEqual({ statements: 3, framing: 3 });
  });

  it("answers a read the plan missed in a transaction of its own, counted and logged with the request id", async () => {
    const { response, ctx, stats } = await run(`query ($id: ID!) { client(id: $id) { id lateProbe } }`, { id: ids[0] });
    expect(dataOf(response).client).toEqual({ id: ids[0], lateProbe: 2 });
    expect(ctx.session.lateReads).toBe(1);
    // Two transactions: the planned one, and the late read's.
    expect(stats).toEqual({ statements: 2, framing: 6 });
    const warnings = gateway.logs().filter((line) => line.requestId === ctx.requestId && line.level === "warn");
    expect(warnings.map((line) => line.msg)).toEqual([expect.stringContaining("read after the request released its connection")]);
  });

  it("doesn't plan mutations", async () => {
    const { response, ctx, held, stats } = await run(`mutation { addFavoriteClient(clientId: "${ids[4]}", idempotencyKey: "fav-4") { isFavorite client { id parent { id } } } }`);
    expect(dataOf(response).addFavoriteClient).toEqual({ isFavorite: true, client: { id: ids[4], parent: { id: ids[0] } } });
    expect(ctx.plan).toBeUndefined();
    expect(held.every((n) => n === 1)).toBe(true);
    expect(ctx.session.lateReads).toBe(0);
    // The write transaction's framing includes START TRANSACTION and SET TRANSACTION (TypeORM's, so
    // that manager.save stays inside it: src/db/write-transaction.ts).
    expect(stats).toEqual({ statements: 7, framing: 9 });
  });
});
