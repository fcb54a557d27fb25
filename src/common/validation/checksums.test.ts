import {
  canonicalOrgNumber,
  carriesSwedishPersonalNumber,
  composeIban,
  danishCvrCheckDigit,
  finnishBusinessIdCheckDigit,
  formatBankgiro,
  formatIban,
  formatOrgNumber,
  formatPlusgiro,
  ibanCheckDigits,
  IBAN_LENGTHS,
  isLuhnValid,
  isValidBankgiro,
  isValidBic,
  isValidDanishCvr,
  isValidFinnishBusinessId,
  isValidGln,
  isValidIban,
  isValidKvkNumber,
  isValidLei,
  isValidNorwegianBankAccount,
  isValidNorwegianOrgNumber,
  isValidOrgNumber,
  isValidPlusgiro,
  isValidSwedishOrgNumber,
  isValidSwedishPersonalNumber,
  isValidVatNumber,
  luhnCheckDigit,
  normaliseIban,
  normaliseOrgNumber,
  normaliseVatNumber,
  norwegianAccountCheckDigit,
  norwegianOrgNumberCheckDigit,
  VAT_PATTERNS,
} from "./checksums";

/** Every single-digit change of a valid number must be rejected by a mod-10/mod-11 check. */
function oneDigitVariants(value: string): string[] {
  const variants: string[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!/\d/.test(value[i])) continue;
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== value[i]) variants.push(value.slice(0, i) + d + value.slice(i + 1));
    }
  }
  return variants;
}

describe("normaliseOrgNumber", () => {
  it("keeps digits and letters, uppercased", () => {
    expect(normaliseOrgNumber(" 556036-0793 ")).toBe("5560360793");
    expect(normaliseOrgNumber("0112038-9")).toBe("01120389");
    expect(normaliseOrgNumber("923 609 016")).toBe("923609016");
    expect(normaliseOrgNumber("nl-12.34/ab")).toBe("NL1234AB");
    expect(normaliseOrgNumber(null)).toBe("");
    expect(normaliseOrgNumber(undefined)).toBe("");
  });
});

describe("Luhn", () => {
  it("computes and verifies check digits", () => {
    expect(luhnCheckDigit("556036079")).toBe(3);
    expect(luhnCheckDigit("811218987")).toBe(6);
    expect(isLuhnValid("5560360793")).toBe(true);
    expect(isLuhnValid("5560360794")).toBe(false);
    expect(isLuhnValid("")).toBe(false);
    expect(isLuhnValid("55603607a3")).toBe(false);
  });
});

describe("Swedish organisationsnummer", () => {
  const valid = ["556036-0793", "5560360793", "556012-5790", "202100-6255", "802002-4280"];
  it.each(valid)("accepts %s", (value) => expect(isValidSwedishOrgNumber(value)).toBe(true));
  it("rejects one-digit changes, wrong lengths and junk", () => {
    for (const variant of oneDigitVariants("5560360793")) expect(isValidSwedishOrgNumber(variant)).toBe(false);
    for (const bad of ["556036079", "55603607930", "556036+0793x", "abcdefghij", "", null, undefined]) {
      expect(isValidSwedishOrgNumber(bad)).toBe(false);
    }
  });
  it("rejects a personnummer (third digit below 2), so the two never overlap", () => {
    expect(isValidSwedishPersonalNumber("811218-9876")).toBe(true);
    expect(isValidSwedishOrgNumber("811218-9876")).toBe(false);
  });
});

describe("Swedish personnummer", () => {
  const valid = [
    "811218-9876",
    "8112189876",
    "19811218-9876",
    "198112189876",
    "121212-1212",
    "121212+1212", // over 100 years old
    "19121212-1212",
    "201701102384",
    "640823-3234",
    "701063-2391", // samordningsnummer (day 03 + 60)
    "000229-0005", // 2000-02-29 is a real date
  ];
  it.each(valid)("accepts %s", (value) => expect(isValidSwedishPersonalNumber(value)).toBe(true));

  it("rejects bad check digits", () => {
    for (const variant of oneDigitVariants("8112189876").filter((v) => isLuhnValid(v) === false)) {
      expect(isValidSwedishPersonalNumber(variant)).toBe(false);
    }
    expect(isValidSwedishPersonalNumber("811218-9875")).toBe(false);
    expect(isValidSwedishPersonalNumber("701063-2392")).toBe(false);
  });

  it("rejects impossible dates even with a correct Luhn digit", () => {
    expect(isLuhnValid("0102290004")).toBe(true);
    expect(isValidSwedishPersonalNumber("010229-0004")).toBe(false); // 1901 and 2001 are not leap years
    expect(isLuhnValid("8112329878")).toBe(true);
    expect(isValidSwedishPersonalNumber("811232-9878")).toBe(false); // day 32
    expect(isLuhnValid("8113189875")).toBe(true);
    expect(isValidSwedishPersonalNumber("811318-9875")).toBe(false); // month 13
    expect(isValidSwedishPersonalNumber("19990231-1233")).toBe(false); // Feb 31
    expect(isValidSwedishPersonalNumber("17811218-9876")).toBe(false); // century 17
  });

  it("rejects wrong shapes", () => {
    for (const bad of ["811218-987", "81121898766", "811218--9876", "81-1218-9876", "", null]) {
      expect(isValidSwedishPersonalNumber(bad)).toBe(false);
    }
  });

  it("is found in any writing of it, a sole trader's VAT number included, and not in an organisationsnummer", () => {
    for (const writing of ["811218-9876", "811218+9876", "8112189876", "19811218-9876", "198112189876", "811218 9876", " 19811218 98 76 ", "SE811218987601", "se 811218-9876 01", "ID 811218-9876"]) {
      expect({ writing, carries: carriesSwedishPersonalNumber(writing) }).toEqual({ writing, carries: true });
    }
    for (const other of ["556036-0793", "5560360793", "SE556036079301", "811218-9875", "SE811218987602", "12345678", "", null]) {
      expect({ other, carries: carriesSwedishPersonalNumber(other) }).toEqual({ other, carries: false });
    }
  });
});

describe("Finnish Y-tunnus", () => {
  it("accepts published business ids", () => {
    for (const value of ["0112038-9" /* Nokia Oyj */, "01120389", "1572860-0", "2331972-7"]) {
      expect(isValidFinnishBusinessId(value)).toBe(true);
    }
  });
  it("computes the check digit, with remainder 0 -> 0 and remainder 1 -> no check digit", () => {
    expect(finnishBusinessIdCheckDigit("0112038")).toBe(9);
    expect(finnishBusinessIdCheckDigit("1000000")).toBe(4); // 1*7 = 7 -> 11 - 7
    expect(finnishBusinessIdCheckDigit("0000000")).toBe(0); // remainder 0 -> 0
    expect(finnishBusinessIdCheckDigit("0010000")).toBe(1); // 1*10 = 10 -> 11 - 10
    // 3*4 = 12, remainder 1: no valid check digit
    expect(finnishBusinessIdCheckDigit("0000030")).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidFinnishBusinessId(`0000030-${d}`)).toBe(false);
  });
  it("rejects one-digit changes and bad shapes", () => {
    for (const variant of oneDigitVariants("0112038-9")) expect(isValidFinnishBusinessId(variant)).toBe(false);
    for (const bad of ["112038-9", "01120389-1", "0112038/9", ""]) expect(isValidFinnishBusinessId(bad)).toBe(false);
  });
});

describe("Norwegian organisasjonsnummer", () => {
  it("accepts published numbers", () => {
    for (const value of ["923609016" /* Equinor ASA */, "923 609 016", "974760673", "982463718"]) {
      expect(isValidNorwegianOrgNumber(value)).toBe(true);
    }
  });
  it("rejects one-digit changes and bad shapes", () => {
    for (const variant of oneDigitVariants("923609016")) expect(isValidNorwegianOrgNumber(variant)).toBe(false);
    for (const bad of ["92360901", "9236090160", "92360901a", ""]) expect(isValidNorwegianOrgNumber(bad)).toBe(false);
  });
  it("has no check digit when 11 - r would be 10", () => {
    // 6*2 = 12, remainder 1 -> 11 - 1 = 10: no valid check digit
    expect(norwegianOrgNumberCheckDigit("00000006")).toBeNull();
    expect(norwegianOrgNumberCheckDigit("00000000")).toBe(0);
    expect(norwegianOrgNumberCheckDigit("92360901")).toBe(6);
  });
  it("validates bank account numbers (MOD11)", () => {
    expect(isValidNorwegianBankAccount("8601.11.17947")).toBe(true);
    expect(isValidNorwegianBankAccount("86011117947")).toBe(true);
    expect(isValidNorwegianBankAccount("86011117948")).toBe(false);
    expect(norwegianAccountCheckDigit("8601111794")).toBe(7);
  });
});

describe("Danish CVR", () => {
  it("accepts numbers whose weighted sum is divisible by 11", () => {
    for (const value of ["24256790" /* Novo Nordisk A/S */, "22756214", "10150817", "61126228"]) {
      expect(isValidDanishCvr(value)).toBe(true);
    }
  });
  it("rejects one-digit changes and bad shapes", () => {
    for (const variant of oneDigitVariants("24256790")) expect(isValidDanishCvr(variant)).toBe(false);
    for (const bad of ["2425679", "242567900", "DK24256790", "", "00000000"]) expect(isValidDanishCvr(bad)).toBe(false);
  });
  it("computes the completing digit", () => {
    expect(danishCvrCheckDigit("2425679")).toBe(0);
    expect(danishCvrCheckDigit("2275621")).toBe(4);
  });
});

describe("Dutch KvK", () => {
  it("is 8 digits", () => {
    expect(isValidKvkNumber("33014286")).toBe(true);
    expect(isValidKvkNumber("3301428")).toBe(false);
    expect(isValidKvkNumber("330142861")).toBe(false);
    expect(isValidKvkNumber("3301428A")).toBe(false);
  });
});

describe("isValidOrgNumber", () => {
  it("dispatches by country", () => {
    expect(isValidOrgNumber("SE", "556036-0793")).toBe(true);
    expect(isValidOrgNumber("se", "5560360794")).toBe(false);
    expect(isValidOrgNumber("FI", "0112038-9")).toBe(true);
    expect(isValidOrgNumber("FI", "0112038-8")).toBe(false);
    expect(isValidOrgNumber("NO", "923 609 016")).toBe(true);
    expect(isValidOrgNumber("NO", "923609017")).toBe(false);
    expect(isValidOrgNumber("DK", "24256790")).toBe(true);
    expect(isValidOrgNumber("DK", "24256791")).toBe(false);
    expect(isValidOrgNumber("NL", "33014286")).toBe(true);
    expect(isValidOrgNumber("NL", "3301428")).toBe(false);
  });
  it("checks Swedish individuals as personnummer", () => {
    expect(isValidOrgNumber("SE", "19811218-9876", { individual: true })).toBe(true);
    expect(isValidOrgNumber("SE", "811218-9876", { individual: true })).toBe(true);
    expect(isValidOrgNumber("SE", "811232-9878", { individual: true })).toBe(false);
    expect(isValidOrgNumber("SE", "556036-0793", { individual: true })).toBe(false); // month 60 is no date
    expect(isValidOrgNumber("SE", "556036-0793", { individual: false })).toBe(true);
    expect(isValidOrgNumber("SE", "19811218-9876", { individual: false })).toBe(false);
    expect(isValidOrgNumber("SE", "19811218-9876")).toBe(true);
  });
  it("accepts 1..32 letters/digits elsewhere", () => {
    expect(isValidOrgNumber("GB", "SC123456")).toBe(true);
    expect(isValidOrgNumber("DE", "HRB 12345")).toBe(true);
    expect(isValidOrgNumber(null, "12-34")).toBe(true);
    expect(isValidOrgNumber("DE", "")).toBe(false);
    expect(isValidOrgNumber("DE", " - ")).toBe(false);
    expect(isValidOrgNumber("DE", "1".repeat(32))).toBe(true);
    expect(isValidOrgNumber("DE", "1".repeat(33))).toBe(false);
  });
});

describe("formatOrgNumber", () => {
  it("uses each country's display", () => {
    expect(formatOrgNumber("SE", "5560360793")).toBe("556036-0793");
    expect(formatOrgNumber("SE", "8112189876")).toBe("811218-9876");
    expect(formatOrgNumber("SE", "198112189876")).toBe("19811218-9876");
    expect(formatOrgNumber("FI", "01120389")).toBe("0112038-9");
    expect(formatOrgNumber("NO", "923609016")).toBe("923 609 016");
    expect(formatOrgNumber("DK", "24256790")).toBe("24256790");
    expect(formatOrgNumber("NL", "33014286")).toBe("33014286");
    expect(formatOrgNumber("DE", "HRB12345")).toBe("HRB12345");
    expect(formatOrgNumber(null, "X1")).toBe("X1");
  });
  it("leaves unexpected shapes alone", () => {
    expect(formatOrgNumber("SE", "55603607")).toBe("55603607");
    expect(formatOrgNumber("FI", "0112038")).toBe("0112038");
    expect(formatOrgNumber("NO", "92360901")).toBe("92360901");
  });
  it("round-trips with normaliseOrgNumber", () => {
    for (const [country, value] of [
      ["SE", "556036-0793"],
      ["SE", "19811218-9876"],
      ["FI", "0112038-9"],
      ["NO", "923 609 016"],
    ]) {
      expect(formatOrgNumber(country, normaliseOrgNumber(value))).toBe(value);
    }
  });
});

describe("IBAN", () => {
  const valid = [
    "GB82WEST12345698765432",
    "GB82 WEST 1234 5698 7654 32",
    "SE4550000000058398257466",
    "NL91ABNA0417164300",
    "FI2112345600000785",
    "DE89370400440532013000",
    "NO9386011117947",
    "DK5000400440116243",
    "CH9300762011623852957",
    "BE68539007547034",
    "FR1420041010050500013M02606",
    "IT60X0542811101000000123456",
    "ES9121000418450200051332",
    "AT611904300234573201",
    "PL61109010140000071219812874",
    "nl91abna0417164300",
  ];
  it.each(valid)("accepts %s", (value) => expect(isValidIban(value)).toBe(true));

  it("rejects every one-digit change", () => {
    for (const iban of ["GB82WEST12345698765432", "SE4550000000058398257466", "NL91ABNA0417164300", "FI2112345600000785", "DE89370400440532013000"]) {
      for (const variant of oneDigitVariants(iban)) expect(isValidIban(variant)).toBe(false);
    }
  });

  it("rejects wrong lengths, unknown countries and junk", () => {
    expect(isValidIban("GB82WEST1234569876543")).toBe(false);
    expect(isValidIban("GB82WEST123456987654321")).toBe(false);
    expect(isValidIban("XX82WEST12345698765432")).toBe(false);
    expect(isValidIban("GB82WEST1234569876543!")).toBe(false);
    expect(isValidIban("")).toBe(false);
    expect(isValidIban(null)).toBe(false);
    expect(isValidIban("GB00WEST12345698765432")).toBe(false);
  });

  it("covers the EU/EEA, GB, CH and NO", () => {
    const required = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO GB CH".split(" ");
    for (const country of required) expect(IBAN_LENGTHS[country]).toBeGreaterThanOrEqual(15);
  });

  it("composes IBANs with the right check digits", () => {
    expect(ibanCheckDigits("GB", "WEST12345698765432")).toBe("82");
    expect(ibanCheckDigits("SE", "50000000058398257466")).toBe("45");
    expect(composeIban("nl", "abna0417164300")).toBe("NL91ABNA0417164300");
    expect(composeIban("FI", "12345600000785")).toBe("FI2112345600000785");
  });

  it("normalises and formats", () => {
    expect(normaliseIban(" gb82 west 1234 5698 7654 32 ")).toBe("GB82WEST12345698765432");
    expect(formatIban("GB82WEST12345698765432")).toBe("GB82 WEST 1234 5698 7654 32");
    expect(formatIban("NL91ABNA0417164300")).toBe("NL91 ABNA 0417 1643 00");
  });
});

describe("BIC", () => {
  it("accepts 8 and 11 character codes", () => {
    for (const value of ["ESSESESS", "NDEAFIHH", "DABADKKK", "DNBANOKK", "ABNANL2A", "DEUTDEFF500", "RABONL2U", "HANDSESS"]) {
      expect(isValidBic(value)).toBe(true);
    }
  });
  it("rejects other shapes", () => {
    for (const value of ["ESSESES", "ESSESESSX", "ESSESESS12", "1SSESESS", "ESSE1ESS", "ESSESESS1234", ""]) {
      expect(isValidBic(value)).toBe(false);
    }
  });
});

describe("bankgiro and plusgiro", () => {
  it("validates bankgiro numbers (7-8 digits, Luhn)", () => {
    expect(isValidBankgiro("5050-1055")).toBe(true);
    expect(isValidBankgiro("50501055")).toBe(true);
    expect(isValidBankgiro("991-2346")).toBe(true);
    for (const variant of oneDigitVariants("5050-1055")) expect(isValidBankgiro(variant)).toBe(false);
    expect(isValidBankgiro("99-1234")).toBe(false); // 6 digits
    expect(isValidBankgiro("123456789")).toBe(false);
  });
  it("validates plusgiro numbers (2-8 digits, Luhn)", () => {
    expect(isValidPlusgiro("90 20 03-3")).toBe(true);
    expect(isValidPlusgiro("4 12 34-6")).toBe(true);
    expect(isValidPlusgiro("18")).toBe(true);
    expect(isValidPlusgiro("90 20 03-4")).toBe(false);
    expect(isValidPlusgiro("1")).toBe(false);
    expect(isValidPlusgiro("123456782")).toBe(false); // 9 digits
  });
  it("formats", () => {
    expect(formatBankgiro("50501055")).toBe("5050-1055");
    expect(formatBankgiro("9912346")).toBe("991-2346");
    expect(formatPlusgiro("9020033")).toBe("90 20 03-3");
    expect(formatPlusgiro("4123456")).toBe("41 23 45-6");
    expect(formatPlusgiro("18")).toBe("1-8");
  });
});

describe("a Swedish sole trader's VAT number", () => {
  it("embeds the personnummer and is valid, but not with a wrong check digit", () => {
    expect(isValidVatNumber("SE811218987601", "SE")).toBe(true);
    expect(isValidVatNumber("SE811218987001", "SE")).toBe(false);
  });
});

describe("VAT numbers", () => {
  const valid: Record<string, string[]> = {
    AT: ["ATU13585627"],
    BE: ["BE0403170701", "BE1234567890"],
    BG: ["BG123456789", "BG1234567890"],
    CY: ["CY12345678X"],
    CZ: ["CZ12345678", "CZ1234567890"],
    DE: ["DE123456789"],
    DK: ["DK24256790"],
    EE: ["EE123456789"],
    EL: ["EL094259216"],
    ES: ["ESA12345674", "ES12345678Z", "ESX1234567L"],
    FI: ["FI01120389"],
    FR: ["FR40303265045", "FRK7399859412"],
    HR: ["HR12345678901"],
    HU: ["HU12345678"],
    IE: ["IE6388047V", "IE1234567WA", "IE9S99999L"],
    IT: ["IT00743110157"],
    LT: ["LT123456789", "LT123456789012"],
    LU: ["LU12345678"],
    LV: ["LV12345678901"],
    MT: ["MT12345678"],
    NL: ["NL123456789B01"],
    PL: ["PL5260001246"],
    PT: ["PT501964843"],
    RO: ["RO18547290", "RO12"],
    SE: ["SE556036079301"],
    SI: ["SI12345678"],
    SK: ["SK1234567890"],
    XI: ["XI123456789", "XI123456789012", "XIGD123", "XIHA456"],
    NO: ["NO923609016MVA"],
  };
  const invalid: Record<string, string[]> = {
    AT: ["AT13585627", "ATU1358562"],
    BE: ["BE2403170701", "BE040317070"],
    DE: ["DE12345678", "DE1234567890"],
    DK: ["DK24256791", "DK2425679"],
    EL: ["GR094259216"],
    ES: ["ES123456789", "ES1234567"],
    FI: ["FI01120388", "FI0112038"],
    FR: ["FRIO303265045", "FR4030326504"],
    IE: ["IE1234567", "IE12345678"],
    IT: ["IT0074311015"],
    NL: ["NL123456789A01", "NL12345678B01", "NL123456789B1"],
    RO: ["RO01234567", "RO12345678901"],
    SE: ["SE556036079401", "SE556036079302", "SE5560360793"],
    XI: ["XIGD12"],
    NO: ["NO923609016", "NO923609017MVA"],
  };

  it("has a pattern for all 27 EU members and XI", () => {
    const eu = "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" ");
    expect(eu).toHaveLength(27);
    for (const prefix of [...eu, "XI"]) expect(VAT_PATTERNS[prefix]).toBeInstanceOf(RegExp);
  });

  it("accepts well-formed numbers per country", () => {
    for (const [prefix, numbers] of Object.entries(valid)) {
      for (const value of numbers) {
        expect([prefix, value, isValidVatNumber(value)]).toEqual([prefix, value, true]);
      }
    }
  });

  it("rejects malformed numbers and bad embedded check digits", () => {
    for (const [prefix, numbers] of Object.entries(invalid)) {
      for (const value of numbers) {
        expect([prefix, value, isValidVatNumber(value)]).toEqual([prefix, value, false]);
      }
    }
    expect(isValidVatNumber("")).toBe(false);
    expect(isValidVatNumber(null)).toBe(false);
    expect(isValidVatNumber("US123456789")).toBe(false);
  });

  it("can skip the embedded checksum", () => {
    expect(isValidVatNumber("SE556036079401", null, { checksum: false })).toBe(true);
    expect(isValidVatNumber("DK24256791", null, { checksum: false })).toBe(true);
  });

  it("takes a country: prefix optional, another country's prefix rejected, GR means EL", () => {
    expect(isValidVatNumber("556036-0793 01", "SE")).toBe(true);
    expect(isValidVatNumber("SE 5560 3607 9301", "SE")).toBe(true);
    expect(isValidVatNumber("01120389", "FI")).toBe(true);
    expect(isValidVatNumber("923 609 016 MVA", "NO")).toBe(true);
    expect(isValidVatNumber("094259216", "GR")).toBe(true);
    expect(isValidVatNumber("EL094259216", "GR")).toBe(true);
    expect(isValidVatNumber("FI01120389", "SE")).toBe(false);
    expect(normaliseVatNumber("nl 1234.56789-b01", "NL")).toBe("NL123456789B01");
    expect(normaliseVatNumber("123456789B01", "NL")).toBe("NL123456789B01");
    expect(normaliseVatNumber("094259216", "GR")).toBe("EL094259216");
  });
});

describe("canonicalOrgNumber (the stored form)", () => {
  const today = new Date("2026-11-21T00:00:00Z");
  it("gives a Swedish personnummer its century: '-' under 100 years, '+' 100 or more", () => {
    expect(canonicalOrgNumber("SE", "811218-9876", { individual: true }, today)).toBe("198112189876");
    expect(canonicalOrgNumber("SE", "1212121212", { individual: true }, today)).toBe("201212121212");
    expect(canonicalOrgNumber("SE", "121212+1212", { individual: true }, today)).toBe("191212121212");
    expect(canonicalOrgNumber("SE", "19811218-9876", { individual: true }, today)).toBe("198112189876");
  });
  it("keeps an organisationsnummer at 10 digits and other countries' numbers as letters and digits", () => {
    expect(canonicalOrgNumber("SE", "556036-0793", { individual: false }, today)).toBe("5560360793");
    expect(canonicalOrgNumber("FI", "0112038-9", {}, today)).toBe("01120389");
    expect(canonicalOrgNumber("NO", "923 609 016", {}, today)).toBe("923609016");
  });
});

describe("LEI (ISO 17442)", () => {
  it("accepts published LEIs", () => {
    for (const lei of ["5493001KJTIIGC8Y1R12", "529900T8BM49AURSDO55", "HWUPKR0MPOU8FGXBT394"]) expect(isValidLei(lei)).toBe(true);
  });
  it("rejects a wrong check digit, length or character", () => {
    expect(isValidLei("5493001KJTIIGC8Y1R13")).toBe(false);
    expect(isValidLei("5493001KJTIIGC8Y1R1")).toBe(false);
    expect(isValidLei("5493001KJTIIGC8Y1R1!")).toBe(false);
  });
});

describe("GLN (GS1)", () => {
  it("accepts valid check digits and rejects every other", () => {
    expect(isValidGln("4006381333931")).toBe(true);
    expect(isValidGln("1234567890128")).toBe(true);
    for (const variant of ["4006381333930", "4006381333932", "400638133393", "40063813339311"]) expect(isValidGln(variant)).toBe(false);
  });
});
