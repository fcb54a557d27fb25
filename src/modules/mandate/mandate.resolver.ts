import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField } from "../../common/prefetch";
import { UUID } from "../../common/scalars";
import type { RequestContext } from "../../context";
import { findByUniqueId, nestedList } from "../../common/pagination/nested-list";
import { Client } from "../client/client.entity";
import { DirectDebitMandate } from "./mandate.entity";
import { DirectDebitMandateType } from "./mandate.enums";
import { directDebitMandatesByClient } from "./mandate.loaders";

/** Client.directDebitMandates (a list, as before, with optional arguments) and Client.directDebitMandatesConnection, batched per request. */
export const mandateLists = nestedList({
  parentType: Client,
  parentTypeName: "Client",
  parentKey: keyOf,
  node: DirectDebitMandate,
  entity: DirectDebitMandate,
  nodeName: "DirectDebitMandate",
  label: "direct debit mandate",
  parentColumn: "client_id",
  listField: "directDebitMandates",
  connectionField: "directDebitMandatesConnection",
  orderDescription: "oldest first (createdAt, then id)",
  filters: {
    id: { column: "id", kind: "id" },
    uniqueId: { column: "unique_id", kind: "uuid", description: "The GUID (Aptic mandateGuid), compared as text" },
    mandateType: { column: "mandate_type", kind: { enum: DirectDebitMandateType, name: "DirectDebitMandateType" } },
    receivingBankAccountNo: { column: "receiving_bank_account_no", kind: "string" },
    sendingBankAccountNo: { column: "sending_bank_account_no", kind: "string" },
    referenceNo: { column: "reference_no", kind: "string" },
    validFrom: { column: "valid_from", kind: "date" },
    validUntil: { column: "valid_until", kind: "date" },
    signedAt: { column: "signed_at", kind: "datetime" },
    approvedAt: { column: "approved_at", kind: "datetime" },
    closedAt: { column: "closed_at", kind: "datetime", description: "isNull: true for the mandates still open" },
    createdAt: { column: "created_at", kind: "datetime" },
    updatedAt: { column: "updated_at", kind: "datetime" },
  },
  sorts: {
    CREATED_AT: { property: "createdAt", column: "created_at", kind: "timestamptz", nullable: false },
    UPDATED_AT: { property: "updatedAt", column: "updated_at", kind: "timestamptz", nullable: false },
    VALID_FROM: { property: "validFrom", column: "valid_from", kind: "date", nullable: true },
    VALID_UNTIL: { property: "validUntil", column: "valid_until", kind: "date", nullable: true },
    SIGNED_AT: { property: "signedAt", column: "signed_at", kind: "timestamptz", nullable: true },
    CLOSED_AT: { property: "closedAt", column: "closed_at", kind: "timestamptz", nullable: true },
  },
  defaultOrder: [["CREATED_AT", "ASC"]],
  plain: { spec: directDebitMandatesByClient },
});

export const [ClientDirectDebitMandatesFieldResolver] = mandateLists.resolvers;

const loadByUniqueId = databaseField("Query", "directDebitMandateByUniqueId", (_root: unknown, { uniqueId }: { uniqueId: string }, ctx) => findByUniqueId(ctx.session, DirectDebitMandate, uniqueId));

/** Query.directDebitMandateByUniqueId. */
@Resolver(() => DirectDebitMandate)
export class DirectDebitMandateQueryResolver {
  @Authorized("clients:read")
  @Query(() => DirectDebitMandate, { nullable: true, description: "A direct debit mandate by its GUID (Aptic mandateGuid); null when absent or another company's" })
  directDebitMandateByUniqueId(@Arg("uniqueId", () => UUID, { description: "The mandate's uniqueId" }) uniqueId: string, @Ctx() ctx: RequestContext): Promise<DirectDebitMandate | null> {
    return loadByUniqueId(undefined, { uniqueId }, ctx);
  }
}
