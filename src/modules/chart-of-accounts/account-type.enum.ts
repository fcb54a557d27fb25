import { registerEnumType } from "type-graphql";

/** The kind of a ledger account. */
export enum AccountType {
  ASSET = "ASSET",
  LIABILITY = "LIABILITY",
  EQUITY = "EQUITY",
  REVENUE = "REVENUE",
  EXPENSE = "EXPENSE",
}

export const ACCOUNT_TYPES = Object.values(AccountType);

registerEnumType(AccountType, { name: "AccountType", description: "The kind of a ledger account" });
