import { isValidBankgiro, isValidIban, isValidNorwegianBankAccount, isValidPlusgiro, normaliseIban } from "../../common/validation/checksums";
import { BankAccountClass } from "./bank-account.enums";

const digits = (value: string) => value.replace(/[\s.-]/g, "");

/**
 * What is wrong with an account number for its class (null when fine): Swedish bankgiro and
 * plusgiro by their MOD 10 (Luhn) check digit, Norwegian accounts by MOD 11, IBAN classes by
 * MOD 97 and their country, Swedish bank accounts as clearing number + account number.
 */
export function accountNumberProblem(accountClass: BankAccountClass | null | undefined, value: string): string | null {
  switch (accountClass) {
    case BankAccountClass.SE_BANKGIRO:
      return isValidBankgiro(value) ? null : "Not a Swedish bankgiro number (7 or 8 digits, MOD 10 check digit)";
    case BankAccountClass.SE_PLUSGIRO:
      return isValidPlusgiro(value) ? null : "Not a Swedish plusgiro number (2 to 8 digits, MOD 10 check digit)";
    case BankAccountClass.NO_BANK_ACCOUNT:
      return isValidNorwegianBankAccount(value) ? null : "Not a Norwegian account number (11 digits, MOD 11 check digit)";
    case BankAccountClass.NL_BANK_ACCOUNT:
      return isValidIban(value) && normaliseIban(value).startsWith("NL") ? null : "Not a Dutch IBAN (NL, MOD 97 check digits)";
    case BankAccountClass.FI_BANK_ACCOUNT:
      return isValidIban(value) && normaliseIban(value).startsWith("FI") ? null : "Not a Finnish IBAN (FI, MOD 97 check digits)";
    case BankAccountClass.FOREIGN_BANK_ACCOUNT:
      return isValidIban(value) ? null : "Not a valid IBAN (country, length and MOD 97 check digits)";
    case BankAccountClass.SE_BANK_ACCOUNT:
      return /^[1-9]\d{3}\d{7,11}$/.test(digits(value)) ? null : "Not a Swedish bank account (4-digit clearing number, then 7 to 11 digits)";
    case BankAccountClass.DK_BANKGIRO:
    case BankAccountClass.NO_BANKGIRO:
      return /^\d{4,20}$/.test(digits(value)) ? null : "Only digits (spaces, dots and dashes allowed), 4 to 20 of them";
    default:
      return /^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/.test(value) ? null : "Only letters, digits, spaces and . - /";
  }
}

/**
 * An account number as the audit trail keeps it: the last four characters, counted as code
 * points (a slice of UTF-16 units could keep half a surrogate pair, which jsonb refuses).
 */
export function maskAccountNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const plain = Array.from(value.replace(/[\s.-]/g, ""));
  return plain.length <= 4 ? "****" : `****${plain.slice(-4).join("")}`;
}
