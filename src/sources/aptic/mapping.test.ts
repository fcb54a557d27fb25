import { isValidOrgNumber, isValidVatNumber } from "../../common/validation/checksums";
import { CompanyType } from "../../modules/client/client.enums";
import { accountNumberProblem } from "../../modules/bank-account/account-number";
import { BankAccountClass, bankAccountClassCode } from "../../modules/bank-account/bank-account.enums";
import type { ApticBundle, ApticClientRecord } from "./bundle";
import { apticBundleOf, apticDataset } from "./dataset";
import { jsonNumberText } from "../mapping-kit";
import { mapApticClient } from "./mapping";
import { mapLoanContract, summaryFigures } from "./nested-mapping";

const dataset = apticDataset({ count: 70, seed: 3 });

function mapped(bundle: unknown): ApticClientRecord {
  const result = mapApticClient(bundle);
  if (!result.ok) throw new Error(`rejected: ${result.rejected.message}`);
  return result.record;
}

function withClient(changes: Record<string, unknown>, index = 0): ApticBundle {
  const bundle = apticBundleOf(dataset[index]);
  return { ...bundle, client: { ...bundle.client, ...changes } };
}

describe("apticDataset", () => {
  it("is deterministic, and its org and VAT numbers pass the gateway's checksums", () => {
    expect(apticDataset({ count: 70, seed: 3 })).toEqual(dataset);
    expect(apticDataset({ count: 5, seed: 4 })[0].client.uniqueId).not.toBe(dataset[0].client.uniqueId);
    for (const { client } of dataset) {
      expect(isValidOrgNumber(client.countryCode, client.idNumber, { individual: false })).toBe(true);
      expect(isValidVatNumber(client.vatNumber, client.countryCode)).toBe(true);
    }
    expect(new Set(dataset.map((c) => c.client.idNumber)).size).toBe(dataset.length);
    expect(new Set(dataset.map((c) => c.client.uniqueId)).size).toBe(dataset.length);
    // Every companyType of 003 of the countries it has: SE 1..5, FI 8..13 and 28..30, NL 14..27.
    const types = new Set(dataset.map((c) => c.client.companyType).filter((t) => t !== null));
    expect([...types].sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });

  it("gives every bank account a number its class accepts (a Swedish clearing number never begins with 0)", () => {
    const classOf = new Map(Object.entries(bankAccountClassCode).map(([name, code]) => [code, name as BankAccountClass]));
    const accounts = dataset.flatMap((c) => c.bankAccounts ?? []);
    expect(accounts.length).toBeGreaterThan(dataset.length);
    const refused = accounts.flatMap((a) => {
      const problem = accountNumberProblem(classOf.get(Number(a.bankaccountClass)), String(a.bankaccountNo));
      return problem ? [`${a.bankaccountNo}: ${problem}`] : [];
    });
    expect(refused).toEqual([]);
  });
});

describe("mapApticClient", () => {
  it("maps every dataset client without a data-quality issue, each companyType onto its legal form", () => {
    for (const sim of dataset) {
      const record = mapped(apticBundleOf(sim));
      expect(record.issues).toEqual([]);
      const code = sim.client.companyType;
      expect(record.values.companyType).toBe(code === null || code === undefined ? null : Object.values(CompanyType)[code - 1]);
      if (record.values.companyType) expect(record.values.companyType.slice(0, 2)).toBe(sim.client.countryCode);
    }
    expect(mapped(withClient({ companyType: 2, countryCode: "SE" })).values.companyType).toBe(CompanyType.SE_AKTIEBOLAG);
    expect(mapped(withClient({ companyType: 30, countryCode: "FI", idNumber: "2000000-0", vatNumber: null })).values.companyType).toBe(CompanyType.FI_KIINTEISTOOSAKEYHTIO);
  });

  it("puts Aptic's fields onto the gateway's, keeps the rest unmapped and the bundle raw", () => {
    const fi = dataset[1];
    const bundle = apticBundleOf(fi);
    const record = mapped(bundle);
    const c = fi.client;
    expect(record).toMatchObject({ kind: "APTIC", sourceId: c.uniqueId, clientGuid: c.uniqueId, sourceUpdatedAt: null, sourceCreatedAt: null, deletedInSource: false, deletedAt: null, externalIdentifiers: [] });
    expect(record.values).toMatchObject({
      name: c.fullName,
      legalName: c.fullName,
      informalName: c.informalName,
      orgNumber: c.idNumber,
      countryCode: "FI",
      website: c.webPage,
      vatNumber: c.vatNumber,
      vatRate: "25.5",
      registeredForTax: true,
      referenceCode: c.referenceCode,
      masterPinCode: c.masterPinCode,
      companyPhone: c.companyPhone,
      cellularPhone: c.cellularPhone,
      email: c.email,
      languageCode: "fi",
      defaultCultureCode: "fi-FI",
      currencyCode: "EUR",
      countryCodeOfOperation: "FI",
      naceCode: c.naceCode,
      municipalCode: c.municipalCode,
      active: c.active,
      blocked: c.blocked,
    });
    expect(typeof record.values.vatRate).toBe("string");
    expect(Object.keys(record.unmapped).sort()).toEqual(["addresses", "fullAddress", "links"]);
    expect(record.unmapped.addresses).toEqual(c.addresses);
    expect(record.raw).toBe(bundle);
    expect(record.bundle).toBe(bundle);
    expect(Object.keys(record.raw).sort()).toEqual(Object.keys(bundle).sort());
  });

  it("lists a refused value as an issue, as sent, and still maps the rest", () => {
    const good = dataset[0].client.idNumber!;
    const bad = `${good.slice(0, -1)}${(Number(good.slice(-1)) + 1) % 10}`;
    const record = mapped(withClient({ idNumber: bad, vatNumber: null, email: "not an email", companyType: 31, webPage: "https://ok.example.se" }));
    const byField = Object.fromEntries(record.issues.map((i) => [i.field, i]));
    expect(byField.orgNumber).toMatchObject({ sourceField: "idNumber", value: bad });
    expect(byField.email).toMatchObject({ sourceField: "email", value: "not an email" });
    expect(byField.companyType).toMatchObject({ sourceField: "companyType", value: "31" });
    expect(record.values.orgNumber).toBeUndefined();
    expect(record.values.email).toBeUndefined();
    expect(record.values.companyType).toBeUndefined();
    expect(record.values.website).toBe("https://ok.example.se");
    expect(record.values.name).toBe(dataset[0].client.fullName);
  });

  it("refuses a companyType that is no code or belongs to another country, and a vatRate out of range", () => {
    const text = mapped(withClient({ companyType: "2" }));
    expect(text.issues).toEqual([expect.objectContaining({ field: "companyType", sourceField: "companyType", value: "2" })]);
    const finnishFormInSweden = mapped(withClient({ companyType: 11, countryCode: "SE" }));
    expect(finnishFormInSweden.issues).toEqual([expect.objectContaining({ field: "companyType", value: "11" })]);
    expect(finnishFormInSweden.values.countryCode).toBe("SE");
    const rate = mapped(withClient({ vatRate: 125 }));
    expect(rate.issues).toEqual([expect.objectContaining({ field: "vatRate", sourceField: "vatRate", value: "125" })]);
  });

  it("takes informalName as the name when fullName is missing, and keeps unknown fields unmapped", () => {
    const record = mapped(withClient({ fullName: null, informalName: "Kafé Norr", someNewField: { x: 1 }, parentPartyUniqueId: "p-1" }));
    expect(record.values.name).toBe("Kafé Norr");
    expect(record.values.legalName).toBeNull();
    expect(record.unmapped).toMatchObject({ someNewField: { x: 1 }, parentPartyUniqueId: "p-1" });
  });

  it("rejects a bundle without a client or a uniqueId", () => {
    expect(mapApticClient(null)).toMatchObject({ ok: false, rejected: { kind: "APTIC" } });
    expect(mapApticClient({ client: null })).toMatchObject({ ok: false });
    const noGuid = withClient({ uniqueId: undefined });
    expect(mapApticClient(noGuid)).toMatchObject({ ok: false, rejected: { kind: "APTIC", message: expect.stringContaining("uniqueId"), raw: noGuid } });
  });
});

describe("jsonNumberText", () => {
  it("writes a JSON number as the decimal it was sent as", () => {
    expect(jsonNumberText(25)).toBe("25");
    expect(jsonNumberText(25.5)).toBe("25.5");
    expect(jsonNumberText(0.1)).toBe("0.1");
    expect(jsonNumberText(1e-7)).toBe("0.0000001");
    expect(jsonNumberText(-1.5e-7)).toBe("-0.00000015");
    // Every digit of the double's shortest text, none invented (toFixed(20) keeps only 20 places).
    expect(jsonNumberText(1.2345678901234e-10)).toBe("0.00000000012345678901234");
    expect(jsonNumberText(1e21)).toBe("1000000000000000000000");
    expect(jsonNumberText(1.25e22)).toBe("12500000000000000000000");
    expect(jsonNumberText(Number.NaN)).toBeNull();
  });

  it("is what the nested resources and the summaries store: no exponent for the checks to refuse", () => {
    expect(mapLoanContract({ interestRate: 5e-7, limit: 1e21 }, "Europe/Stockholm").values).toMatchObject({ interestRate: "0.0000005", limit: "1000000000000000000000" });
    expect(summaryFigures({ currentPercent: 2.5e-7, lines: [{ amount: 1e-7 }] })).toEqual({ currentPercent: "0.00000025", lines: [{ amount: "0.0000001" }] });
  });
});
