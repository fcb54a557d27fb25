import { resourceValueProblem } from "../../common/resource/fields";
import { accountNumberProblem, maskAccountNumber } from "./account-number";
import { BankAccountClass } from "./bank-account.enums";

describe("account numbers by class", () => {
  it.each([
    [BankAccountClass.SE_BANKGIRO, "5050-1055"],
    [BankAccountClass.SE_BANKGIRO, "991-2346"],
    [BankAccountClass.SE_PLUSGIRO, "44 77 88-1"],
    [BankAccountClass.SE_PLUSGIRO, "90 20 03-3"],
    [BankAccountClass.NO_BANK_ACCOUNT, "8601.11.17947"],
    [BankAccountClass.NL_BANK_ACCOUNT, "NL91 ABNA 0417 1643 00"],
    [BankAccountClass.FI_BANK_ACCOUNT, "FI21 1234 5600 0007 85"],
    [BankAccountClass.FOREIGN_BANK_ACCOUNT, "GB82 WEST 1234 5698 7654 32"],
    [BankAccountClass.SE_BANK_ACCOUNT, "8327-9 123 456 789"],
    [BankAccountClass.UNKNOWN, "anything 123"],
  ])("%s accepts %s", (accountClass, value) => {
    expect(accountNumberProblem(accountClass, value)).toBeNull();
  });

  it.each([
    [BankAccountClass.SE_BANKGIRO, "5050-1056", /MOD 10/],
    [BankAccountClass.SE_BANKGIRO, "123456", /7 or 8 digits/],
    [BankAccountClass.SE_PLUSGIRO, "44 77 88-2", /MOD 10/],
    [BankAccountClass.SE_PLUSGIRO, "123456789", /2 to 8 digits/],
    [BankAccountClass.NO_BANK_ACCOUNT, "8601.11.17948", /MOD 11/],
    [BankAccountClass.NL_BANK_ACCOUNT, "GB82 WEST 1234 5698 7654 32", /Dutch/],
    [BankAccountClass.NL_BANK_ACCOUNT, "NL91 ABNA 0417 1643 01", /Dutch/],
    [BankAccountClass.FI_BANK_ACCOUNT, "FI21 1234 5600 0007 86", /Finnish/],
    [BankAccountClass.FOREIGN_BANK_ACCOUNT, "GB83 WEST 1234 5698 7654 32", /IBAN/],
    [BankAccountClass.SE_BANK_ACCOUNT, "0123-456789", /clearing/],
    [BankAccountClass.DK_BANKGIRO, "12ab", /digits/],
  ])("%s refuses %s", (accountClass, value, message) => {
    expect(accountNumberProblem(accountClass, value)).toMatch(message);
  });
});

describe("IBAN and BIC fields", () => {
  it.each(["SE45 5000 0000 0583 9825 7466", "de89370400440532013000", "NO9386011117947"])("IBAN %s is valid", (iban) => {
    expect(resourceValueProblem({ kind: "iban" }, iban)).toBeNull();
  });

  it.each(["SE45 5000 0000 0583 9825 7467", "DE8937040044053201300", "XX00123", "SE00 5000 0000 0583 9825 7466"])("IBAN %s is refused", (iban) => {
    expect(resourceValueProblem({ kind: "iban" }, iban)).toMatch(/IBAN/);
  });

  it.each(["ESSESESS", "DEUTDEFF500", "ndea se ss"])("BIC %s is valid", (bic) => {
    expect(resourceValueProblem({ kind: "bic" }, bic)).toBeNull();
  });

  it.each(["ESSE", "ESSESESSX", "1SSESESS", "ESSE-SE-SS"])("BIC %s is refused", (bic) => {
    expect(resourceValueProblem({ kind: "bic" }, bic)).toMatch(/BIC/);
  });
});

it("keeps only the last four characters of an account number for the audit trail", () => {
  expect(maskAccountNumber("SE45 5000 0000 0583 9825 7466")).toBe("****7466");
  expect(maskAccountNumber("123")).toBe("****");
  expect(maskAccountNumber(null)).toBeNull();
  // Characters outside the BMP count as one each: no half surrogate pair, which jsonb refuses.
  const masked = maskAccountNumber("\u{645f0}\u{a817c}\u{b69f4}\u{ff8f1}\u{b8330}\u{425f6}\u{256cd}\u7cd7") as string;
  expect(masked).toBe("****\u{b8330}\u{425f6}\u{256cd}\u7cd7");
  expect(masked).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
});
