import type { GraphQLResolveInfo, GraphQLSchema } from "graphql";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import { scopeAuthChecker } from "./auth/auth-checker";
import type { RequestContext } from "./context";
import { hasOne, LoaderSpec, TenantKey } from "./common/loaders";
import { isBigintId, normaliseOrgNumber } from "./common/validation/checksums";
import { entityColumns, queryEntities } from "./db/hydrate";
import { Act } from "./modules/act/act.entity";
import { AuditEntry } from "./modules/audit/audit-entry.entity";
import { BankAccount } from "./modules/bank-account/bank-account.entity";
import { ClientAccount } from "./modules/chart-of-accounts/client-account.entity";
import { ClientActionRun } from "./modules/client-action/client-action-run.entity";
import { Client } from "./modules/client/client.entity";
import { ClientContract } from "./modules/contract/client-contract.entity";
import { ExternalIdentifier } from "./modules/external-identifier/external-identifier.entity";
import { ExtraField } from "./modules/extra-field/extra-field.entity";
import { FactoringLoanContract } from "./modules/factoring/factoring-loan-contract.entity";
import { FactoringLoanTransaction } from "./modules/factoring/factoring-loan-transaction.entity";
import { FactoringPurchaseContract } from "./modules/factoring/factoring-purchase-contract.entity";
import { Invoice } from "./modules/invoice/invoice.entity";
import { DirectDebitMandate } from "./modules/mandate/mandate.entity";
import { ClientParameter } from "./modules/parameter/parameter.entity";
import { Pricelist } from "./modules/pricelist/pricelist.entity";
import { ChartOfAccountTemplate } from "./modules/template/chart-of-account-template.entity";
import { ParameterTemplate } from "./modules/template/parameter-template.entity";
import { PricelistService } from "./modules/template/pricelist-service.entity";
import { PricelistTemplate } from "./modules/template/pricelist-template.entity";
import { SourceSystem } from "./sources/source-system.entity";
import { FieldSource } from "./sync/field-source.entity";
import { SourceRecord } from "./sync/source-record.entity";
import { SyncIssue } from "./sync/sync-issue.entity";
import { SyncRun } from "./sync/sync-run.entity";
import { WebhookDelivery, WebhookSubscription } from "./modules/webhook/webhook.entity";

/**
 * Apollo Federation v2 (API.md): the schema is also a subgraph. Every object type with an `id` is
 * an entity `@key(fields: "id")` (the @Directive on its class), Client also by `uniqueId` and by
 * `countryCode orgNumber`. This file answers `_entities`: each representation is loaded through the
 * request's DataLoaders, so N representations of one type and key are one statement, in the
 * request's session (its tenant, row-level security), and a row of another tenant or none is null.
 *
 * Why every keyed type is loaded straight from its table by id: each is a TypeORM entity of a
 * tenant table (TenantEntity: a bigint id and the tenant), and what the field resolvers beneath it
 * get from the root queries and relations is that same hydrated row, so masking (personnummer
 * without clients:pii) and the nested fields work on it unchanged. Where a relation hides rows
 * (an external identifier's soft delete) the lookup by id hides them too: what the API does not
 * show under a client is not found by id either.
 */
const ENTITY_TABLES: Record<string, { entity: EntityTarget<ObjectLiteral>; where?: string; /** A scope beyond clients:read its own queries need: without it, null. */ scope?: string }> = {
  Act: { entity: Act },
  AuditEntry: { entity: AuditEntry },
  BankAccount: { entity: BankAccount },
  ChartOfAccountTemplate: { entity: ChartOfAccountTemplate },
  Client: { entity: Client },
  ClientAccount: { entity: ClientAccount },
  ClientActionRun: { entity: ClientActionRun },
  ClientContract: { entity: ClientContract },
  ClientParameter: { entity: ClientParameter },
  DirectDebitMandate: { entity: DirectDebitMandate },
  ExternalIdentifier: { entity: ExternalIdentifier, where: "r.deletedAt IS NULL" },
  ExtraField: { entity: ExtraField },
  FactoringLoanContract: { entity: FactoringLoanContract },
  FactoringLoanTransaction: { entity: FactoringLoanTransaction },
  FactoringPurchaseContract: { entity: FactoringPurchaseContract },
  FieldSource: { entity: FieldSource },
  Invoice: { entity: Invoice },
  ParameterTemplate: { entity: ParameterTemplate },
  Pricelist: { entity: Pricelist },
  PricelistService: { entity: PricelistService },
  PricelistTemplate: { entity: PricelistTemplate },
  SourceRecord: { entity: SourceRecord },
  SourceSystem: { entity: SourceSystem },
  SyncIssue: { entity: SyncIssue },
  SyncRun: { entity: SyncRun },
  WebhookDelivery: { entity: WebhookDelivery, scope: "webhooks:admin" },
  WebhookSubscription: { entity: WebhookSubscription, scope: "webhooks:admin" },
};

/** The loaders by id, one per entity type: built once, so each request's DataLoader is found by its spec. */
const byId = new Map<string, LoaderSpec<TenantKey, ObjectLiteral | null>>(
  Object.entries(ENTITY_TABLES).map(([typeName, { entity, where }]) => [
    typeName,
    hasOne<ObjectLiteral>(`${typeName}ById`, entity, { parentColumn: "id", ...(where ? { where } : {}) }),
  ]),
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const clientByUniqueId = hasOne<Client>("ClientByUniqueId", Client, { parentColumn: "uniqueId" });

/**
 * Clients by country and org number, one statement for the batch. The key's id is
 * "countryCode NUL orgNumber" (normalised). Without clients:pii an INDIVIDUAL is never found by
 * its org number, a personnummer: as clientByOrgNumber, so the key is no lookup by personnummer.
 */
function clientsByOrgNumber(pii: boolean): LoaderSpec<TenantKey, Client | null> {
  return {
    name: pii ? "ClientByOrgNumberPii" : "ClientByOrgNumber",
    empty: () => null,
    async batch(session, keys) {
      const pairs = [...new Set(keys.map((key) => key.id))].map((id) => id.split("\u0000"));
      const manager = await session.manager();
      const sql =
        `SELECT ${entityColumns(manager, Client, "c")} FROM "client" c ` +
        `WHERE c."tenant_id" = $1 AND (c."country_code", c."org_number") IN (SELECT * FROM unnest($2::text[], $3::text[]))` +
        (pii ? "" : ` AND c."client_type" <> 'INDIVIDUAL'`);
      const rows = await queryEntities(manager, Client, sql, [session.tenantId, pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
      const found = new Map<string, Client>(rows.map((row) => [`${row.countryCode}\u0000${row.orgNumber}`, row]));
      return keys.map((key) => found.get(key.id) ?? null);
    },
  };
}
const clientsByOrgNumberPii = clientsByOrgNumber(true);
const clientsByOrgNumberPlain = clientsByOrgNumber(false);

type Representation = Record<string, unknown> & { __typename: string };

/** The row a representation names, or null (no such row, another tenant's, a malformed key). */
function resolveReference(typeName: string, reference: Representation, ctx: RequestContext): Promise<ObjectLiteral | null> | null {
  const tenantId = ctx.tenantId;
  const { id } = reference;
  if (id !== undefined) {
    const spec = byId.get(typeName);
    if (!spec || typeof id !== "string" || !isBigintId(id)) return null;
    const scope = ENTITY_TABLES[typeName].scope;
    if (scope && !ctx.caller.scopes.has(scope)) return null;
    return ctx.loaders.get(spec).load({ tenantId, id });
  }
  if (typeName !== "Client") return null;
  const { uniqueId, countryCode, orgNumber } = reference;
  if (uniqueId !== undefined) {
    if (typeof uniqueId !== "string" || !UUID.test(uniqueId)) return null;
    return ctx.loaders.get(clientByUniqueId).load({ tenantId, id: uniqueId.toLowerCase() });
  }
  if (typeof countryCode === "string" && typeof orgNumber === "string") {
    const normalised = normaliseOrgNumber(orgNumber);
    if (!normalised) return null;
    const spec = ctx.caller.scopes.has("clients:pii") ? clientsByOrgNumberPii : clientsByOrgNumberPlain;
    return ctx.loaders.get(spec).load({ tenantId, id: `${countryCode.toUpperCase()}\u0000${normalised}` });
  }
  return null;
}

/** The `__resolveReference` of every entity type, for buildSubgraphSchema's resolver map. */
export function referenceResolvers(): Record<string, { __resolveReference: (reference: Representation, ctx: RequestContext) => unknown }> {
  return Object.fromEntries(
    Object.keys(ENTITY_TABLES).map((typeName) => [typeName, { __resolveReference: (reference: Representation, ctx: RequestContext) => resolveReference(typeName, reference, ctx) }]),
  );
}

/** The entity types (the test checks every object type with an `id` is one). */
export const ENTITY_TYPE_NAMES: readonly string[] = Object.keys(ENTITY_TABLES);

/**
 * `_entities` and `_service` need clients:read, as every root query does (the router forwards the
 * caller's token and company): the auth checker's own check and error, before anything is read.
 */
export function guardFederationRoots(schema: GraphQLSchema): void {
  const check = scopeAuthChecker as (data: { root: unknown; args: unknown; context: RequestContext; info: GraphQLResolveInfo }, scopes: string[]) => boolean;
  for (const name of ["_entities", "_service"]) {
    const field = schema.getQueryType()?.getFields()[name];
    if (!field?.resolve) throw new Error(`the subgraph schema has no ${name} field`);
    const resolve = field.resolve;
    field.resolve = (source, args, ctx: RequestContext, info: GraphQLResolveInfo) => {
      check({ root: source, args, context: ctx, info }, ["clients:read"]);
      return resolve(source, args, ctx, info);
    };
  }
}
