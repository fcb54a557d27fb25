import { buildSchema, getOperationAST, parse } from "graphql";
import { measureOperation, UNPAGED_LIST_ESTIMATE } from "./query-limits";

const schema = buildSchema(`
  type Query { clients(first: Int = 25): ClientConnection!, client(id: ID!): Client }
  type ClientConnection { nodes: [Client!]!, totalCount: Int! }
  type Client { id: ID!, name: String, tags: [String!]!, bankAccounts: [BankAccount!]!, acts(first: Int = 10): ActConnection!, parent: Client }
  type BankAccount { iban: String }
  type ActConnection { nodes: [Act!]! }
  type Act { revenue: String }
`);

function measure(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, variables);
}

describe("measureOperation", () => {
  it("counts depth with fragments expanded, and leaves do not cost", () => {
    expect(measure(`{ client(id: 1) { id name tags } }`)).toEqual({ depth: 2, aliases: 0, directives: 0, cost: 1 });
    expect(measure(`{ client(id: 1) { ...P } } fragment P on Client { parent { parent { id } } }`).depth).toBe(4);
    expect(measure(`{ client(id: 1) { ... on Client { parent { id } } } }`).depth).toBe(3);
  });

  it("multiplies a connection's selection by its first: literal, variable, variable default, argument default", () => {
    const page = (first: string) => `query Q($n: Int = 7) { clients${first} { nodes { parent { id } } } }`;
    // clients = 1 + first * (nodes = 1 + 1 * (parent = 1))
    expect(measure(page("(first: 100)")).cost).toBe(1 + 100 * 2);
    expect(measure(page("(first: $n)"), { n: 40 }).cost).toBe(1 + 40 * 2);
    expect(measure(page("(first: $n)")).cost).toBe(1 + 7 * 2);
    expect(measure(page("")).cost).toBe(1 + 25 * 2);
  });

  it("multiplies nested pages, and estimates an unpaged list", () => {
    const cost = measure(`{ clients(first: 10) { nodes { acts(first: 20) { nodes { revenue } } bankAccounts { iban } } } }`).cost;
    // nodes = 1 + (acts = 1 + 20 * (nodes = 1)) + (bankAccounts = 1 + 0)
    expect(cost).toBe(1 + 10 * (1 + (1 + 20 * 1) + 1));
    expect(measure(`{ client(id: 1) { bankAccounts { iban } parent { bankAccounts { iban } } } }`).cost).toBe(1 + (1 + (1 + 1)));
    expect(UNPAGED_LIST_ESTIMATE).toBeGreaterThan(1);
    expect(measure(`{ client(id: 1) { parent { id } bankAccounts { iban } } }`).cost).toBe(3);
  });

  it("counts aliases and directives, also inside fragments, once per use", () => {
    const measured = measure(`
      query Q($x: Boolean!) {
        a: client(id: 1) { ...F }
        b: client(id: 2) { ...F @include(if: $x) }
      }
      fragment F on Client { n: name @skip(if: $x) }
    `);
    expect(measured.aliases).toBe(4);
    expect(measured.directives).toBe(3);
  });

  it("measures each fragment once, so nested spreads can't make it slow", () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Client { id }` : `fragment F${i} on Client { parent { ...F${i + 1} } a${i}: parent { ...F${i + 1} } }`,
    ).join("\n");
    const started = process.hrtime.bigint();
    const measured = measure(`{ client(id: 1) { ...F0 } } ${fragments}`);
    expect(measured.depth).toBe(levels + 1);
    expect(measured.cost).toBeGreaterThan(2 ** 20);
    // Linear work: a recursive walk of 2^30 selections would not end in a test run at all.
    expect(Number(process.hrtime.bigint() - started)).toBeGreaterThan(0);
  });
});

describe("introspection", () => {
  const schemaOf = buildSchema(`type Query { a: A, b: [A!]! } type A { x: Int, y: Int, z: Int, next: A }`);
  const measureIn = (query: string) => {
    const document = parse(query);
    return measureOperation(schemaOf, document, getOperationAST(document)!, {});
  };

  it("counts __typename and introspection fields in depth and aliases", () => {
    expect(measureIn(`{ a { __typename } }`).depth).toBe(2);
    expect(measureIn(`{ t1: __typename t2: __typename }`)).toMatchObject({ depth: 1, aliases: 2 });
    expect(measureIn(`{ __schema { types { fields { type { name } } } } }`).depth).toBe(5);
  });

  it("lets ofType unwrap without depth or cost of its own", () => {
    const chain = `{ __type(name: "A") { fields { type { ofType { ofType { ofType { name } } } } } } }`;
    expect(measureIn(chain).depth).toBe(4);
    expect(measureIn(chain).cost).toBe(measureIn(`{ __type(name: "A") { fields { type { name } } } }`).cost);
  });

  it("prices introspection lists by the schema's real sizes", () => {
    const types = Object.keys(schemaOf.getTypeMap()).length;
    // __schema = 1 + 1 * (types = 1 + types * (fields = 1 + 0))
    expect(measureIn(`{ __schema { types { fields { name } } } }`).cost).toBe(1 + 1 + types * 1);
    expect(measureIn(`{ __schema { types { name } } }`).cost).toBe(2);
  });
});
