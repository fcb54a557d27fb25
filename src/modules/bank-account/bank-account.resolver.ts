import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField } from "../../common/prefetch";
import { UUID } from "../../common/scalars";
import type { RequestContext } from "../../context";
import { findByUniqueId, nestedList } from "../../common/pagination/nested-list";
import { Client } from "../client/client.entity";
import { BankAccount } from "./bank-account.entity";
import { AllowPayments, BankAccountClass, BankAccountOwnerType } from "./bank-account.enums";
import { bankAccountsByClient } from "./bank-account.loaders";

/** Client.bankAccounts (a list, as before, with optional arguments) and Client.bankAccountsConnection, batched per request. */
export const bankAccountLists = nestedList({
  parentType: Client,
  parentTypeName: "Client",
  parentKey: keyOf,
  node: BankAccount,
  entity: BankAccount,
  nodeName: "BankAccount",
  label: "bank account",
  parentColumn: "client_id",
  listField: "bankAccounts",
  connectionField: "bankAccountsConnection",
  orderDescription: "by priority (lower first, unset last), then id",
  filters: {
    id: { column: "id", kind: "id" },
    uniqueId: { column: "unique_id", kind: "uuid", description: "The GUID (Aptic bankaccountGuid), compared as text" },
    bankAccountNo: { column: "bank_account_no", kind: "string" },
    description: { column: "description", kind: "string" },
    bankAccountClass: { column: "bank_account_class", kind: { enum: BankAccountClass, name: "BankAccountClass" } },
    ownerType: { column: "owner_type", kind: { enum: BankAccountOwnerType, name: "BankAccountOwnerType" } },
    allowPayments: { column: "allow_payments", kind: { enum: AllowPayments, name: "AllowPayments" } },
    priority: { column: "priority", kind: "int" },
    countryCode: { column: "country_code", kind: "string" },
    currencyCode: { column: "currency_code", kind: "string" },
    iban: { column: "iban", kind: "string", description: "As stored: without spaces" },
    bic: { column: "bic", kind: "string" },
    businessAccount: { column: "business_account", kind: "boolean" },
    allowDisbursementsFrom: { column: "allow_disbursements_from", kind: "boolean" },
    allowDisbursementsTo: { column: "allow_disbursements_to", kind: "boolean" },
    createdAt: { column: "created_at", kind: "datetime" },
    updatedAt: { column: "updated_at", kind: "datetime" },
  },
  sorts: {
    PRIORITY: { property: "priority", column: "priority", kind: "int", nullable: true },
    BANK_ACCOUNT_NO: { property: "bankAccountNo", column: "bank_account_no", kind: "string", nullable: true },
    DESCRIPTION: { property: "description", column: "description", kind: "string", nullable: true },
    CURRENCY_CODE: { property: "currencyCode", column: "currency_code", kind: "string", nullable: true },
    CREATED_AT: { property: "createdAt", column: "created_at", kind: "timestamptz", nullable: false },
    UPDATED_AT: { property: "updatedAt", column: "updated_at", kind: "timestamptz", nullable: false },
  },
  defaultOrder: [["PRIORITY", "ASC"]],
  plain: { spec: bankAccountsByClient },
});

export const [ClientBankAccountsFieldResolver] = bankAccountLists.resolvers;

const loadByUniqueId = databaseField("Query", "bankAccountByUniqueId", (_root: unknown, { uniqueId }: { uniqueId: string }, ctx) => findByUniqueId(ctx.session, BankAccount, uniqueId));

/** Query.bankAccountByUniqueId. */
@Resolver(() => BankAccount)
export class BankAccountQueryResolver {
  @Authorized("clients:read")
  @Query(() => BankAccount, { nullable: true, description: "A bank account by its GUID (Aptic bankaccountGuid); null when absent or another company's" })
  bankAccountByUniqueId(@Arg("uniqueId", () => UUID, { description: "The bank account's uniqueId" }) uniqueId: string, @Ctx() ctx: RequestContext): Promise<BankAccount | null> {
    return loadByUniqueId(undefined, { uniqueId }, ctx);
  }
}
