import { registerEnumType } from "type-graphql";

/** Kind of account number, as Aptic's bankAccountClass (see bankAccountClassCode). */
export enum BankAccountClass {
  UNKNOWN = "UNKNOWN",
  SE_PLUSGIRO = "SE_PLUSGIRO",
  SE_BANKGIRO = "SE_BANKGIRO",
  NL_BANK_ACCOUNT = "NL_BANK_ACCOUNT",
  FOREIGN_BANK_ACCOUNT = "FOREIGN_BANK_ACCOUNT",
  DK_BANKGIRO = "DK_BANKGIRO",
  NO_BANKGIRO = "NO_BANKGIRO",
  NO_BANK_ACCOUNT = "NO_BANK_ACCOUNT",
  SE_BANK_ACCOUNT = "SE_BANK_ACCOUNT",
  FI_BANK_ACCOUNT = "FI_BANK_ACCOUNT",
}
registerEnumType(BankAccountClass, {
  name: "BankAccountClass",
  description: "Kind of account number (Aptic bankAccountClass)",
  valuesConfig: {
    UNKNOWN: { description: "0 = Unknown" },
    SE_PLUSGIRO: { description: "1 = Plusgiro (Sweden)" },
    SE_BANKGIRO: { description: "2 = Bankgiro (Sweden)" },
    NL_BANK_ACCOUNT: { description: "3 = Bank account (Netherlands)" },
    FOREIGN_BANK_ACCOUNT: { description: "4 = Foreign bank account" },
    DK_BANKGIRO: { description: "5 = Bankgiro (Denmark)" },
    NO_BANKGIRO: { description: "7 = Bankgiro (Norway)" },
    NO_BANK_ACCOUNT: { description: "8 = Bank account (Norway)" },
    SE_BANK_ACCOUNT: { description: "9 = Bank account (Sweden)" },
    FI_BANK_ACCOUNT: { description: "10 = Bank account (Finland)" },
  },
});

/** Aptic's numeric code of a bank account class (6 is unused). */
export const bankAccountClassCode: Record<BankAccountClass, number> = {
  UNKNOWN: 0,
  SE_PLUSGIRO: 1,
  SE_BANKGIRO: 2,
  NL_BANK_ACCOUNT: 3,
  FOREIGN_BANK_ACCOUNT: 4,
  DK_BANKGIRO: 5,
  NO_BANKGIRO: 7,
  NO_BANK_ACCOUNT: 8,
  SE_BANK_ACCOUNT: 9,
  FI_BANK_ACCOUNT: 10,
};

/** Who holds the account, as Aptic's ownerType 1..4 (see bankAccountOwnerTypeCode). */
export enum BankAccountOwnerType {
  SOLICITOR = "SOLICITOR",
  CREDITOR = "CREDITOR",
  DEBTOR = "DEBTOR",
  SHARED = "SHARED",
}
registerEnumType(BankAccountOwnerType, {
  name: "BankAccountOwnerType",
  description: "Who holds the account (Aptic ownerType)",
  valuesConfig: {
    SOLICITOR: { description: "1 = Solicitor (internal): the collection agency's own account" },
    CREDITOR: { description: "2 = Creditor (external)" },
    DEBTOR: { description: "3 = Debtor (external)" },
    SHARED: { description: "4 = Shared (external, with creditor account settlement)" },
  },
});

/** Aptic's numeric code of an owner type (1..4). */
export const bankAccountOwnerTypeCode: Record<BankAccountOwnerType, number> = {
  SOLICITOR: 1,
  CREDITOR: 2,
  DEBTOR: 3,
  SHARED: 4,
};

/** What may be paid out through the account (Aptic allowPayments). */
export enum AllowPayments {
  NO = "NO",
  PAYMENTS = "PAYMENTS",
  NETTINGS = "NETTINGS",
}
registerEnumType(AllowPayments, {
  name: "AllowPayments",
  description: "What may be paid out through the account",
  valuesConfig: {
    NO: { description: "0 = Neither payments nor nettings" },
    PAYMENTS: { description: "1 = Payments" },
    NETTINGS: { description: "2 = Nettings (amounts set off against each other)" },
  },
});
