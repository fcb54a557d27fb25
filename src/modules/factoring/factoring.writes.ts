import { MutationErrorCode } from "../../common/mutation/mutation-error";
import type { ChildResource } from "../../common/resource/child-resource";
import type { ResourceFields } from "../../common/resource/fields";
import { maskAccountNumber } from "../bank-account/account-number";
import { childResourceApi } from "../client/client-resource";
import { compareDecimals } from "../../common/validation/formats";
import { FactoringLoanContract } from "./factoring-loan-contract.entity";
import { FactoringLoanTransaction } from "./factoring-loan-transaction.entity";
import { FactoringPurchaseContract } from "./factoring-purchase-contract.entity";
import { FactoringLoanTransactionType, FinancingInterestCalculateFrom, FinancingInterestCalculateTo, FinancingInterestFeeInsertTrigger } from "./factoring.enums";

const DAYS: [number, number] = [0, 3650];

/** The writable fields of a factoring loan contract (seed 003, every field). */
export const FACTORING_LOAN_CONTRACT_FIELDS: ResourceFields = {
  decisionDate: { kind: "date" },
  limit: { kind: "money", description: "Credit limit" },
  autoPercent: { kind: "percent", description: "Automatic financing percentage" },
  maxPercent: { kind: "percent", description: "Maximum financing percentage" },
  yourReference: { kind: "text", max: 80 },
  ourReference: { kind: "text", max: 80 },
  interestRate: { kind: "percent", signed: true, description: "Interest rate in percent" },
  interestCode: { kind: "text", max: 20 },
  limitFeeAmount: { kind: "money" },
  limitFeePercentage: { kind: "percent", description: "Limit fee in percent of the limit" },
  limitFeeInterval: { kind: "int", range: DAYS, description: "Limit fee interval in interest days" },
  limitFeeDate: { kind: "date" },
  limitFeeInvoiceItem: { kind: "text", max: 50 },
  limitFeePartOfPeriod: { kind: "bool", description: "Charge the limit fee for the part of the starting period" },
  limitFeePartOfPeriodAmount: { kind: "money" },
  note: { kind: "text", max: 10_000 },
  currencyCode: { kind: "currency", description: "ISO 4217" },
};

/** The writable fields of a factoring purchase contract (seed 003, every field). */
export const FACTORING_PURCHASE_CONTRACT_FIELDS: ResourceFields = {
  active: { kind: "bool", notNull: true, description: "Default true" },
  decisionDate: { kind: "date" },
  deposit: { kind: "text", max: 50, description: "Deposit: a code, an amount or a percentage" },
  limit: { kind: "money", description: "Total purchase limit" },
  customerLimit: { kind: "money", description: "Limit per customer (debtor) of the client" },
  recourseLimit: { kind: "money", description: "Limit for invoices purchased with recourse" },
  nonRecourseLimit: { kind: "money", description: "Limit for invoices purchased without recourse" },
  defaultGroupLimit: { kind: "money" },
  recourse: { kind: "bool", description: "Invoices are purchased with recourse" },
  recourseDays: { kind: "int", range: DAYS, description: "Days after due date until recourse" },
  blockedAccount: { kind: "text", max: 50 },
  blockedAccountTotal: { kind: "money" },
  blockedAccountInterestRate: { kind: "percent", signed: true },
  blockedAccountInterestCode: { kind: "text", max: 20 },
  note: { kind: "text", max: 2000 },
  overInterestAfterDays: { kind: "int", range: DAYS },
  overInterestRate: { kind: "percent", signed: true },
  overInterestCode: { kind: "text", max: 20 },
  financingInterestCalculateFrom: { kind: "enum", enum: FinancingInterestCalculateFrom, description: "The date financing interest is calculated from" },
  financingInterestCalculateTo: { kind: "enum", enum: FinancingInterestCalculateTo, description: "The date financing interest is calculated to" },
  financingInterestFeeInsertTrigger: { kind: "enum", enum: FinancingInterestFeeInsertTrigger, description: "The event at which the financing interest fee is charged" },
  financingInterestRate: { kind: "percent", signed: true },
  financingInterestCode: { kind: "text", max: 20 },
  currencyCode: { kind: "currency", description: "ISO 4217" },
};

export const factoringLoanContractResource: ChildResource<FactoringLoanContract> = {
  entity: FactoringLoanContract,
  typeName: "FactoringLoanContract",
  label: "factoring loan contract",
  fields: FACTORING_LOAN_CONTRACT_FIELDS,
};

export const factoringPurchaseContractResource: ChildResource<FactoringPurchaseContract> = {
  entity: FactoringPurchaseContract,
  typeName: "FactoringPurchaseContract",
  label: "factoring purchase contract",
  fields: FACTORING_PURCHASE_CONTRACT_FIELDS,
  auditMask: (field, value) => (field === "blockedAccount" ? maskAccountNumber(value) : value),
};

/** A loan's transaction as a sync writes it (no mutation writes one: they come from the factoring platform). */
export const factoringLoanTransactionResource: ChildResource<FactoringLoanTransaction> = {
  entity: FactoringLoanTransaction,
  typeName: "FactoringLoanTransaction",
  label: "factoring loan transaction",
  fields: {
    transactionDate: { kind: "date", required: true },
    type: { kind: "enum", enum: FactoringLoanTransactionType, required: true },
    amount: { kind: "money", required: true, description: "More than 0; the type gives the sign" },
    currencyCode: { kind: "currency" },
    description: { kind: "text", max: 255 },
  },
  rules: [{ fields: ["amount"], problem: (r) => (typeof r.amount === "string" && compareDecimals(r.amount, "0") <= 0 ? "Must be more than 0" : null) }],
};

export const factoringLoanContractApi = childResourceApi({
  resource: factoringLoanContractResource,
  type: FactoringLoanContract,
  names: { create: "createFactoringLoanContract", update: "updateFactoringLoanContract", delete: "deleteFactoringLoanContract" },
  payloadField: "contract",
  one: { existsCode: MutationErrorCode.ALREADY_EXISTS },
  descriptions: {
    create: "Gives a client its factoring loan contract; a client has at most one (ALREADY_EXISTS).",
    update: "Changes some fields of a client's factoring loan contract (a partial patch).",
    delete: "Deletes a client's factoring loan contract and its transactions.",
  },
});

export const factoringPurchaseContractApi = childResourceApi({
  resource: factoringPurchaseContractResource,
  type: FactoringPurchaseContract,
  names: { create: "createFactoringPurchaseContract", update: "updateFactoringPurchaseContract", delete: "deleteFactoringPurchaseContract" },
  payloadField: "contract",
  one: { existsCode: MutationErrorCode.ALREADY_EXISTS },
  descriptions: {
    create: "Gives a client its factoring purchase contract; a client has at most one (ALREADY_EXISTS).",
    update: "Changes some fields of a client's factoring purchase contract (a partial patch).",
    delete: "Deletes a client's factoring purchase contract (purchased invoices stay).",
  },
});
