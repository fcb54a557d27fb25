import {
  BREAK,
  defaultFieldResolver,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { collectSubfields } from "graphql/execution/collectFields";
import { getMetadataStorage } from "type-graphql";
import type { RequestContext } from "../context";
import { canonicalJson } from "./mutation/idempotency";

/**
 * Planning the reads ahead: a query's database reads all run before graphql-js completes its
 * values, so the request's connection is back in the pool while the bulk of its CPU is spent.
 *
 * How. A query operation's root fields run as before (their own SQL, in the request's session).
 * Each then hands its result to the planner and waits. The planner walks the field's selection
 * (fragments, type conditions, aliases, @skip/@include and arguments as graphql-js itself
 * collects and coerces them) over the values: for every selected field registered with
 * `databaseField` it calls that field's load for every parent at once (so DataLoader batches them
 * as execution would), awaits them, and goes on with the results; it looks into the values of
 * plain properties; it leaves out fields declared with `dbFreeFields`. When every root field of
 * the operation has finished its walk, the session commits and returns its connection
 * (`TenantSession.release`), and only then do the root fields return their values. graphql-js
 * then calls the very same loads from the resolvers (a resolver calls its registered function):
 * each gets the value, or the error, the planner's call got, so no SQL runs any more.
 *
 * Why it is still correct.
 * - Consistency: every read still runs in the request's one REPEATABLE READ READ ONLY
 *   transaction, so all of them see one snapshot; what changed is only when the transaction
 *   ends. Values read are in memory, and completing them reads nothing.
 * - Tenant confinement: the reads run on the same session, role and tenant setting as before,
 *   under the same row-level security; no value crosses requests (the memo of loads lives on the
 *   request's context, the DataLoaders are the request's).
 * - Same reads, same results: the planner runs the resolvers' own loading functions (one code
 *   path) with the arguments graphql-js would give them, on the very objects graphql-js passes
 *   as parents, and the resolvers get back exactly what those calls returned, an error
 *   included (a page size out of range, a bad cursor: raised, as before, at the field's path).
 *   Checks that run before a resolver (@Authorized, middleware) are on root fields only, whose
 *   resolvers graphql-js calls as before; a registered nested field with one is refused when the
 *   schema is built, and an operation selecting a plain field with one is not planned.
 * - Nothing is missed silently: an operation that selects a field with a resolver that is
 *   neither registered nor declared database-free (or of an abstract type) is not planned and
 *   keeps its connection to the end, as before; a read after the release still works (a new
 *   transaction, tenant-confined) and is counted in `TenantSession.lateReads` and logged, which
 *   the tests assert never happens.
 * - Mutations are never planned: their reads and writes keep their own transactions.
 *
 * Cost. The statements are those execution ran before, batched alike (DataLoader batches what is
 * asked in one turn of the event loop, which the planner asks as execution did). One difference,
 * in failures only: when an error nulls part of a result (a non-null field failed), graphql-js
 * stopped waiting for its siblings, and the request could end before DataLoader ran their
 * batches, which then failed on the closed session; the planner waits for them, so such a
 * response can cost a few more statements. Its data is the same; its errors can be more: those of
 * fields beneath the nulled part (a page size out of range, say), which execution, done waiting,
 * no longer reported, and which it reports when their values are at hand, as they now are.
 */

/** How a field's value is obtained: the field resolver's own loading function. */
export type Load<P, A, R> = (parent: P, args: A, ctx: RequestContext) => R;

/** The arguments of a field that takes none. */
export type NoArgs = Record<string, never>;

/** A registered database field: its id (for the memo of loads) and its loading function. */
export interface DatabaseEntry {
  id: string;
  load: Load<unknown, object, unknown>;
}

type Registration = { kind: "database"; entry: DatabaseEntry } | { kind: "dbFree" };

/** How the planner treats one field of one type. */
export type FieldPlan = Registration | { kind: "property"; property: string };

const registry = new Map<string, Registration>();

function register(typeName: string, fieldName: string, registration: Registration): void {
  const id = `${typeName}.${fieldName}`;
  if (registry.has(id)) throw new Error(`${id} is registered twice for the read planner`);
  registry.set(id, registration);
}

/**
 * Registers a field that reads the database (or whose value the planner must know to plan beneath
 * it) and returns its loading function, which the field's resolver calls: the planner calls the
 * same function ahead, and within a planned request the second call gets the first one's result.
 * `args` are the field's GraphQL arguments by name, as graphql-js coerces them.
 */
export function databaseField<P, A extends object, R>(typeName: string, fieldName: string, load: Load<P, A, R>): Load<P, A, R> {
  const entry: DatabaseEntry = { id: `${typeName}.${fieldName}(`, load: load as Load<unknown, object, unknown> };
  register(typeName, fieldName, { kind: "database", entry });
  return (parent, args, ctx) => (ctx.plan ? (ctx.plan.load(entry, parent, args) as R) : load(parent, args, ctx));
}

/**
 * Declares fields whose resolvers need no database (masking, display, values computed from the
 * parent) and return a scalar or an enum: the planner skips them.
 */
export function dbFreeFields(typeName: string, fieldNames: readonly string[]): void {
  for (const fieldName of fieldNames) register(typeName, fieldName, { kind: "dbFree" });
}

/**
 * The key of a load's arguments: the same for the planner's call and the resolver's. Called for
 * every resolver call of a planned field, so the usual cases (no arguments, a few scalars) are
 * built by hand: JSON with sorted names, as canonicalJson (the idempotency hash's) makes it for the rest.
 */
export function argumentsKey(args: object): string {
  const names = Object.keys(args);
  if (names.length === 0) return "{}";
  if (names.length > 1) names.sort();
  let key = "{";
  for (let i = 0; i < names.length; i++) {
    const value = (args as Record<string, unknown>)[names[i]];
    if (value !== null && typeof value === "object") return canonicalJson(args);
    if (value === undefined) continue;
    key += `${key.length > 1 ? "," : ""}${JSON.stringify(names[i])}:${JSON.stringify(value)}`;
  }
  return `${key}}`;
}


/** What a load threw (synchronously), kept so the resolver's call throws it again. */
class Thrown {
  constructor(readonly error: unknown) {}
}

/** The values that settled, in order (a rejected or failed one is left out: execution reports it). */
async function settled(values: readonly unknown[]): Promise<unknown[]> {
  if (!values.some((value) => typeof (value as PromiseLike<unknown> | null)?.then === "function")) return values as unknown[];
  const results = await Promise.allSettled(values);
  return results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
}

/** The planner of one schema: how each field is read, and which operations it can plan. */
export class ReadPlanner {
  private readonly plannable = new WeakMap<OperationDefinitionNode, boolean>();

  constructor(
    readonly schema: GraphQLSchema,
    /** By type, then field: how the planner treats it; a field absent here makes an operation unplannable. */
    readonly fields: ReadonlyMap<string, ReadonlyMap<string, FieldPlan>>,
  ) {}

  fieldPlan(typeName: string, fieldName: string): FieldPlan | undefined {
    return this.fields.get(typeName)?.get(fieldName);
  }

  /**
   * Whether every field the operation can select (in any fragment, whatever the variables) is
   * one the planner knows, and of an object or leaf type. Cached per operation (Apollo keeps the
   * parsed document of a repeated query).
   */
  canPlan(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): boolean {
    let known = this.plannable.get(operation);
    if (known !== undefined) return known;
    known = operation.operation === "query";
    const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
    const seen = new Set<string>();
    while (known && pending.length > 0) {
      const typeInfo = new TypeInfo(this.schema);
      visit(
        pending.pop()!,
        visitWithTypeInfo(typeInfo, {
          Field: (node) => {
            // __typename needs nothing; __schema and __type (introspection) read no database.
            if (node.name.value.startsWith("__")) return false;
            const parent = typeInfo.getParentType();
            const field = typeInfo.getFieldDef();
            if (!parent || !field || !this.fieldPlan(parent.name, node.name.value) || isAbstractType(getNamedType(field.type))) {
              known = false;
              return BREAK;
            }
            return undefined;
          },
          FragmentSpread: (spread) => {
            const fragment = fragments[spread.name.value];
            if (fragment && !seen.has(fragment.name.value)) {
              seen.add(fragment.name.value);
              pending.push(fragment);
            }
          },
        }),
      );
    }
    this.plannable.set(operation, known);
    return known;
  }
}

/**
 * One planned request: the loads the planner ran (for the resolvers to find), and the root
 * fields still planning, after which the request's connection is released.
 */
export class RequestPlan {
  /** Per field and arguments, the outcome of each parent's load (its value, or a Thrown). */
  private readonly loads = new Map<string, Map<object, unknown>>();
  private planning = 0;
  private sealed = false;
  private released: Promise<void> | undefined;
  private readonly allPlanned: Promise<void>;
  private planned!: () => void;

  constructor(
    private readonly planner: ReadPlanner,
    private readonly ctx: RequestContext,
  ) {
    this.allPlanned = new Promise<void>((resolve) => (this.planned = resolve));
  }

  /**
   * A root field: runs its resolver, plans its selection, and returns once every root field of
   * the operation has planned and the connection is released. graphql-js calls the root fields
   * of a query one after the other in one synchronous loop, so those called before the next
   * microtask are all of them (a field whose arguments fail to coerce is never called).
   */
  async root<T>(resolve: () => T | Promise<T>, info: GraphQLResolveInfo): Promise<T> {
    if (this.planning++ === 0 && !this.sealed) {
      queueMicrotask(() => {
        this.sealed = true;
        this.settle();
      });
    }
    try {
      const value = await resolve();
      // The walk only reads ahead: whatever it could not plan, execution resolves (and reports) as before.
      await this.plan(info.returnType, [value], info.fieldNodes, info).catch(() => undefined);
      return value;
    } finally {
      this.planning -= 1;
      this.settle();
      await this.allPlanned;
    }
  }

  /** The memoised load of `entry` for one parent: the planner's call and then the resolver's. */
  load(entry: DatabaseEntry, parent: unknown, args: object, key = argumentsKey(args)): unknown {
    if (parent === null || typeof parent !== "object") return entry.load(parent, args, this.ctx);
    const id = entry.id + key;
    let byParent = this.loads.get(id);
    if (!byParent) this.loads.set(id, (byParent = new Map()));
    let outcome = byParent.get(parent);
    if (outcome === undefined && !byParent.has(parent)) {
      try {
        outcome = entry.load(parent, args, this.ctx);
      } catch (error) {
        outcome = new Thrown(error);
      }
      byParent.set(parent, outcome);
    }
    if (outcome instanceof Thrown) throw outcome.error;
    return outcome;
  }

  private settle(): void {
    if (!this.sealed || this.planning > 0 || this.released) return;
    // A failed COMMIT is the session's to report (close() rethrows it): the reads are done.
    this.released = this.ctx.session.release().catch(() => undefined);
    void this.released.then(this.planned);
  }

  /** Runs the loads beneath `values` of `type` for the selection `nodes`, breadth first. */
  private async plan(type: GraphQLOutputType, values: readonly unknown[], nodes: readonly FieldNode[], info: GraphQLResolveInfo): Promise<void> {
    let items = await settled(values);
    let itemType = type;
    for (;;) {
      if (isNonNullType(itemType)) itemType = itemType.ofType;
      else if (isListType(itemType)) {
        items = await settled(items.flatMap((item) => (item !== null && typeof item === "object" && Symbol.iterator in item ? [...(item as Iterable<unknown>)] : [])));
        itemType = itemType.ofType;
      } else break;
    }
    if (!isObjectType(itemType)) return;
    const parents = items.filter((item): item is Record<string, unknown> => item !== null && typeof item === "object");
    if (parents.length === 0) return;
    const objectType: GraphQLObjectType = itemType;
    let subfields: Map<string, readonly FieldNode[]>;
    try {
      subfields = collectSubfields(info.schema, info.fragments, info.variableValues, objectType, nodes);
    } catch {
      // A directive's argument fails to coerce (`@include(if: $v)`, `$v: Boolean = true` sent as
      // null): execution raises it at this field and resolves nothing beneath, so nothing to read.
      return;
    }
    const work: Promise<void>[] = [];
    for (const fieldNodes of subfields.values()) {
      const fieldPlan = this.planner.fieldPlan(objectType.name, fieldNodes[0].name.value);
      if (!fieldPlan || fieldPlan.kind === "dbFree") continue;
      const field = objectType.getFields()[fieldNodes[0].name.value];
      if (fieldPlan.kind === "property") {
        if (!isCompositeType(getNamedType(field.type))) continue;
        work.push(this.plan(field.type, parents.map((parent) => parent[fieldPlan.property]), fieldNodes, info));
        continue;
      }
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(field as GraphQLField<unknown, unknown>, fieldNodes[0], info.variableValues);
      } catch {
        continue; // execution reports it, without calling the resolver
      }
      const key = argumentsKey(args);
      const loaded = parents.map((parent) => {
        try {
          const value = this.load(fieldPlan.entry, parent, args, key);
          // The resolver gets this very promise, and its rejection, later: handled here for now.
          if (typeof (value as PromiseLike<unknown> | null)?.then === "function") (value as Promise<unknown>).catch(() => undefined);
          return value;
        } catch {
          return null; // the resolver gets the same error, at its path
        }
      });
      work.push(this.plan(field.type, loaded, fieldNodes, info));
    }
    // Every branch to its end, even when one fails: the root field returns (and the connection is
    // released) only once no branch of its walk can still read.
    await Promise.allSettled(work);
  }
}

/** What type-graphql knows of a field: whether it has a resolver of its own, checks of its own, and its property. */
interface DeclaredField {
  resolved: boolean;
  /** @Authorized or @UseMiddleware: something runs before the field's value is read. */
  guarded: boolean;
  property: string;
}

/** How the fields of a type-graphql schema built from `resolvers` are declared, by type and field name. */
function typeGraphqlFields(resolvers: readonly Function[]): (type: string, field: string) => DeclaredField {
  const storage = getMetadataStorage();
  const typeName = (target: Function) => storage.objectTypes.find((type) => type.target === target)?.name;
  const classOf = (name: string) => storage.objectTypes.find((type) => type.name === name)?.target;
  const guarded = (metadata: { roles?: unknown[]; middlewares?: unknown[] } | undefined) => (metadata?.roles?.length ?? 0) > 0 || (metadata?.middlewares?.length ?? 0) > 0;
  /** Fields with a resolver of their own ("Type.field"), and whether it has checks of its own. */
  const resolved = new Map<string, boolean>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind === "external" && !resolvers.includes(resolver.target)) continue;
    const name = resolver.getObjectType && typeName(resolver.getObjectType() as Function);
    if (name) resolved.set(`${name}.${resolver.schemaName}`, guarded(resolver));
  }
  return (type, field) => {
    // A field of a base class (and its resolver) is a field of the subclasses too.
    for (let target = classOf(type); typeof target === "function" && target !== Function.prototype; target = Object.getPrototypeOf(target) as Function) {
      const metadata = storage.objectTypes.find((candidate) => candidate.target === target)?.fields?.find((f) => f.schemaName === field);
      const name = typeName(target);
      const resolver = name ? resolved.get(`${name}.${field}`) : undefined;
      if (resolver !== undefined || metadata) {
        return { resolved: resolver !== undefined, guarded: resolver === true || guarded(metadata), property: metadata?.name ?? field };
      }
    }
    return { resolved: false, guarded: false, property: field };
  };
}

/**
 * How the planner treats each field of a type-graphql schema: a registered one as registered,
 * one without a resolver (or checks) of its own as a property of its parent, any other not at
 * all (an operation that selects it is not planned). Fails on what would make a plan wrong.
 */
export function fieldPlansOf(schema: GraphQLSchema, resolvers: readonly Function[]): Map<string, Map<string, FieldPlan>> {
  const declared = typeGraphqlFields(resolvers);
  const plans = new Map<string, Map<string, FieldPlan>>();
  const query = schema.getQueryType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__") || type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    const byField = new Map<string, FieldPlan>();
    for (const field of Object.values(type.getFields())) {
      const registration = registry.get(`${type.name}.${field.name}`);
      const { resolved, guarded, property } = declared(type.name, field.name);
      if (registration?.kind === "dbFree" && !isLeafType(getNamedType(field.type))) {
        throw new Error(`${type.name}.${field.name} is declared database-free but returns ${String(field.type)}: the planner would not look beneath it`);
      }
      // A root field's checks run before its resolver, which the planner never calls itself.
      if (guarded && type !== query) {
        if (registration) throw new Error(`${type.name}.${field.name} has checks of its own (@Authorized, middleware): the planner would read before them`);
        continue;
      }
      if (registration) byField.set(field.name, registration);
      else if (!resolved && type !== query) byField.set(field.name, { kind: "property", property });
    }
    plans.set(type.name, byField);
  }
  return plans;
}

/** The registered fields, by "Type.field" (the classification test checks them against the schema). */
export function registeredFields(): ReadonlyMap<string, FieldPlan["kind"]> {
  return new Map([...registry].map(([id, registration]) => [id, registration.kind]));
}

/**
 * Plans the reads of query operations on `schema` (built by type-graphql from `resolvers`): each
 * root query field runs through the request's plan, when its operation can be planned.
 */
export function planReads(schema: GraphQLSchema, resolvers: readonly Function[]): ReadPlanner {
  const planner = new ReadPlanner(schema, fieldPlansOf(schema, resolvers));
  const planOf = (ctx: RequestContext, info: GraphQLResolveInfo): RequestPlan | null => {
    if (ctx.plan === undefined) {
      ctx.plan = planner.canPlan(info.operation, info.fragments) ? new RequestPlan(planner, ctx) : null;
    }
    return ctx.plan;
  };
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: RequestContext, info) => {
      const plan = planOf(ctx, info);
      return plan ? plan.root(() => resolve(source, args, ctx, info), info) : resolve(source, args, ctx, info);
    };
  }
  return planner;
}
