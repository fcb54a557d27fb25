import type { ChildResource } from "../../common/resource/child-resource";
import type { CrossRule, ResourceFields, ResourceValues } from "../../common/resource/fields";
import { normaliseIban } from "../../common/validation/checksums";
import { childResourceApi } from "../client/client-resource";
import { accountNumberProblem, maskAccountNumber } from "./account-number";
import { BankAccount } from "./bank-account.entity";
import { AllowPayments, BankAccountClass, BankAccountOwnerType } from "./bank-account.enums";

/** The writable fields of a bank account (seed 003, every field but the platform's own GUID). */
export const BANK_ACCOUNT_FIELDS: ResourceFields = {
  bankAccountNo: { kind: "text", max: 50, description: "Checked by bankAccountClass: bankgiro/plusgiro MOD 10, Norwegian MOD 11, IBAN classes MOD 97" },
  description: { kind: "text", max: 255 },
  bankAccountClass: { kind: "enum", enum: BankAccountClass, notNull: true, description: "Default UNKNOWN" },
  ownerType: { kind: "enum", enum: BankAccountOwnerType, notNull: true, description: "Default CREDITOR" },
  internalCode: { kind: "text", max: 50 },
  priority: { kind: "int", range: [1, 32767], description: "Lower first; on create, after the client's other accounts when left out" },
  agreementNo: { kind: "text", max: 50 },
  bankCode: { kind: "text", max: 20 },
  bankDescription: { kind: "text", max: 255 },
  countryCode: { kind: "country", description: "The bank's country; the IBAN's when both are given" },
  zipCode: { kind: "text", max: 20 },
  city: { kind: "text", max: 80 },
  allowPayments: { kind: "enum", enum: AllowPayments, notNull: true, description: "Default NO" },
  allowDisbursementsFrom: { kind: "bool", notNull: true, description: "Whether money may be disbursed from the account" },
  allowDisbursementsTo: { kind: "bool", notNull: true, description: "Whether money may be disbursed to the account" },
  businessAccount: { kind: "bool", notNull: true, description: "Whether this is the client's business account" },
  thirdPartyRemittance: { kind: "bool", notNull: true, description: "Whether the account is used for third-party remittances, like from the bailiff" },
  powerOfAttorney: { kind: "bool", notNull: true, description: "Whether there is a power of attorney agreement on the account" },
  currencyCode: { kind: "currency", description: "ISO 4217 currency of the account, e.g. SEK" },
  accountBalance: { kind: "money", signed: true, description: "Negative when overdrawn" },
  iban: { kind: "iban", max: 42, description: "Spaces allowed; stored without them. MOD 97 checked" },
  bic: { kind: "bic", max: 11 },
  blz: { kind: "text", max: 8, description: "German bank code (Bankleitzahl)" },
  swift: { kind: "bic", max: 11 },
};

const RULES: CrossRule<ResourceValues>[] = [
  {
    fields: ["bankAccountNo", "bankAccountClass"],
    problem: (r) => (typeof r.bankAccountNo === "string" ? accountNumberProblem(r.bankAccountClass as BankAccountClass, r.bankAccountNo) : null),
  },
  {
    fields: ["iban", "countryCode"],
    problem(r) {
      if (typeof r.iban !== "string" || typeof r.countryCode !== "string") return null;
      const country = normaliseIban(r.iban).slice(0, 2);
      return country === r.countryCode.toUpperCase() ? null : `The IBAN is of ${country}, not of ${r.countryCode.toUpperCase()}`;
    },
  },
];

export const bankAccountResource: ChildResource<BankAccount> = {
  entity: BankAccount,
  typeName: "BankAccount",
  label: "bank account",
  fields: BANK_ACCOUNT_FIELDS,
  rules: RULES,
  auditMask: (field, value) => (field === "bankAccountNo" || field === "iban" ? maskAccountNumber(value) : value),
};

export const bankAccountApi = childResourceApi({
  resource: bankAccountResource,
  type: BankAccount,
  names: { create: "createBankAccount", update: "updateBankAccount", delete: "deleteBankAccount" },
  payloadField: "bankAccount",
  async defaults(scope, clientId, input) {
    if (input.priority != null) return {};
    const [row] = await scope.tx.query<{ next: number }>("SELECT coalesce(max(priority), 0) + 1 AS next FROM bank_account WHERE client_id = $1", [clientId]);
    return { priority: Math.min(row.next, 32767) };
  },
  descriptions: {
    create: "Adds a bank account to a client.",
    update: "Changes some fields of a bank account (a partial patch).",
    delete: "Deletes a bank account.",
  },
});
