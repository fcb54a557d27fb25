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

registerEnumType(AccountType, {
  name: "AccountType",
  description: "The kind of a ledger account",
  valuesConfig: {
    ASSET: { description: "What the company owns or is owed (balance sheet)" },
    LIABILITY: { description: "What the company owes (balance sheet)" },
    EQUITY: { description: "The owners' share: assets less liabilities (balance sheet)" },
    REVENUE: { description: "Income from sales and services (income statement)" },
    EXPENSE: { description: "Costs of running the business (income statement)" },
  },
});
