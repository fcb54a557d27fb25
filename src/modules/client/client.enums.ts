import { registerEnumType } from "type-graphql";

export enum ClientType {
  BUSINESS = "BUSINESS",
  INDIVIDUAL = "INDIVIDUAL",
}
registerEnumType(ClientType, {
  name: "ClientType",
  description: "A company, or a person (sole trader)",
  valuesConfig: {
    BUSINESS: { description: "A company or other legal entity; orgNumber is its organisation number" },
    INDIVIDUAL: { description: "A person (sole trader); orgNumber is a personal identity number, masked without clients:pii" },
  },
});

/**
 * The invoicing system's `customer_type` (004), as it sends it: finer than ClientType (fixed by
 * API.md to BUSINESS | INDIVIDUAL), which is its coarse kind (customerTypeClientType).
 */
export enum CustomerType {
  BUSINESS = "BUSINESS",
  INDIVIDUAL = "INDIVIDUAL",
  SWEDISH_BUSINESS = "SWEDISH_BUSINESS",
  EU_BUSINESS = "EU_BUSINESS",
}
registerEnumType(CustomerType, {
  name: "CustomerType",
  description: "How the invoicing system classes a customer (its customer_type): INDIVIDUAL is a sole trader, the others businesses",
  valuesConfig: {
    BUSINESS: { description: "A business the invoicing system does not class as Swedish or EU" },
    INDIVIDUAL: { description: "A private person or sole trader" },
    SWEDISH_BUSINESS: { description: "A business registered in Sweden" },
    EU_BUSINESS: { description: "A business registered in another EU country (VAT number checked with VIES)" },
  },
});

/** The ClientType a customer type implies. */
export const customerTypeClientType = (type: CustomerType): ClientType => (type === CustomerType.INDIVIDUAL ? ClientType.INDIVIDUAL : ClientType.BUSINESS);

/** The legal forms of the Aptic document, in its order (code = index + 1). */
export enum CompanyType {
  SE_STATE_REGION_MUNICIPALITY = "SE_STATE_REGION_MUNICIPALITY",
  SE_AKTIEBOLAG = "SE_AKTIEBOLAG",
  SE_EKONOMISK_FORENING = "SE_EKONOMISK_FORENING",
  SE_STIFTELSE_IDEELL_FORENING = "SE_STIFTELSE_IDEELL_FORENING",
  SE_HANDELSBOLAG_KOMMANDITBOLAG = "SE_HANDELSBOLAG_KOMMANDITBOLAG",
  GB_LIMITED_COMPANY = "GB_LIMITED_COMPANY",
  GB_PUBLIC_LIMITED_COMPANY = "GB_PUBLIC_LIMITED_COMPANY",
  FI_YKSITYINEN_ELINKEINONHARJOITTAJA = "FI_YKSITYINEN_ELINKEINONHARJOITTAJA",
  FI_KOMMANDIITTIYHTIO = "FI_KOMMANDIITTIYHTIO",
  FI_AVOIN_YHTIO = "FI_AVOIN_YHTIO",
  FI_OSAKEYHTIO = "FI_OSAKEYHTIO",
  FI_OSUUSKUNTA = "FI_OSUUSKUNTA",
  FI_REKISTEROITY_YHDISTYS = "FI_REKISTEROITY_YHDISTYS",
  NL_EENMANSZAAK = "NL_EENMANSZAAK",
  NL_BESLOTEN_VENNOOTSCHAP = "NL_BESLOTEN_VENNOOTSCHAP",
  NL_NAAMLOZE_VENNOOTSCHAP = "NL_NAAMLOZE_VENNOOTSCHAP",
  NL_MAATSCHAP = "NL_MAATSCHAP",
  NL_VENNOOTSCHAP_ONDER_FIRMA = "NL_VENNOOTSCHAP_ONDER_FIRMA",
  NL_COMMANDITAIRE_VENNOOTSCHAP = "NL_COMMANDITAIRE_VENNOOTSCHAP",
  NL_VERENIGING_VOLLEDIGE_RECHTSBEVOEGDHEID = "NL_VERENIGING_VOLLEDIGE_RECHTSBEVOEGDHEID",
  NL_VERENIGING_BEPERKTE_RECHTSBEVOEGDHEID = "NL_VERENIGING_BEPERKTE_RECHTSBEVOEGDHEID",
  NL_COOPERATIE_ONDERLINGE_WAARBORGMAATSCHAPPIJ = "NL_COOPERATIE_ONDERLINGE_WAARBORGMAATSCHAPPIJ",
  NL_STICHTING = "NL_STICHTING",
  NL_KERKGENOOTSCHAP = "NL_KERKGENOOTSCHAP",
  NL_VERENIGING_VAN_EIGENAARS = "NL_VERENIGING_VAN_EIGENAARS",
  NL_OVERHEID = "NL_OVERHEID",
  NL_BUITENLANDSE_VENNOOTSCHAP = "NL_BUITENLANDSE_VENNOOTSCHAP",
  FI_SAATIO = "FI_SAATIO",
  FI_ASUNTO_OSAKEYHTIO = "FI_ASUNTO_OSAKEYHTIO",
  FI_KIINTEISTOOSAKEYHTIO = "FI_KIINTEISTOOSAKEYHTIO",
}
registerEnumType(CompanyType, {
  name: "CompanyType",
  description: "Legal form, as the factoring platform's companyType 1..30 (see companyTypeCode)",
  valuesConfig: {
    SE_STATE_REGION_MUNICIPALITY: { description: "Factoring platform code 1 = SE, Stat, landsting eller kommun (state, region or municipality)" },
    SE_AKTIEBOLAG: { description: "Factoring platform code 2 = SE, Aktiebolag (limited company)" },
    SE_EKONOMISK_FORENING: { description: "Factoring platform code 3 = SE, Ekonomisk förening (economic association)" },
    SE_STIFTELSE_IDEELL_FORENING: { description: "Factoring platform code 4 = SE, Stiftelse eller ideell förening (foundation or non-profit association)" },
    SE_HANDELSBOLAG_KOMMANDITBOLAG: { description: "Factoring platform code 5 = SE, Handelsbolag, kommanditbolag (trading or limited partnership)" },
    GB_LIMITED_COMPANY: { description: "Factoring platform code 6 = GB, Limited company" },
    GB_PUBLIC_LIMITED_COMPANY: { description: "Factoring platform code 7 = GB, Public limited company" },
    FI_YKSITYINEN_ELINKEINONHARJOITTAJA: { description: "Factoring platform code 8 = FI, Yksityinen elinkeinonharjoittaja (sole trader)" },
    FI_KOMMANDIITTIYHTIO: { description: "Factoring platform code 9 = FI, Kommandiittiyhtiö (KY, limited partnership)" },
    FI_AVOIN_YHTIO: { description: "Factoring platform code 10 = FI, Avoin yhtiö (general partnership)" },
    FI_OSAKEYHTIO: { description: "Factoring platform code 11 = FI, Osakeyhtiö (OY, Oyj, limited company)" },
    FI_OSUUSKUNTA: { description: "Factoring platform code 12 = FI, Osuuskunta (Osk., cooperative)" },
    FI_REKISTEROITY_YHDISTYS: { description: "Factoring platform code 13 = FI, Rekisteröity yhdistys (Ry, registered association)" },
    NL_EENMANSZAAK: { description: "Factoring platform code 14 = NL, Eenmanszaak (sole proprietorship)" },
    NL_BESLOTEN_VENNOOTSCHAP: { description: "Factoring platform code 15 = NL, Besloten Vennootschap (BV, private limited company)" },
    NL_NAAMLOZE_VENNOOTSCHAP: { description: "Factoring platform code 16 = NL, Naamloze Vennootschap (NV, public limited company)" },
    NL_MAATSCHAP: { description: "Factoring platform code 17 = NL, Maatschap (professional partnership)" },
    NL_VENNOOTSCHAP_ONDER_FIRMA: { description: "Factoring platform code 18 = NL, Vennootschap onder Firma (VOF, general partnership)" },
    NL_COMMANDITAIRE_VENNOOTSCHAP: { description: "Factoring platform code 19 = NL, Commanditaire Vennootschap (CV, limited partnership)" },
    NL_VERENIGING_VOLLEDIGE_RECHTSBEVOEGDHEID: { description: "Factoring platform code 20 = NL, Vereniging met volledige rechtsbevoegdheid (association with full legal capacity)" },
    NL_VERENIGING_BEPERKTE_RECHTSBEVOEGDHEID: { description: "Factoring platform code 21 = NL, Vereniging met beperkte rechtsbevoegdheid (association with limited legal capacity)" },
    NL_COOPERATIE_ONDERLINGE_WAARBORGMAATSCHAPPIJ: { description: "Factoring platform code 22 = NL, Coöperatie en onderlinge waarborgmaatschappij (cooperative or mutual insurance society)" },
    NL_STICHTING: { description: "Factoring platform code 23 = NL, Stichting (foundation)" },
    NL_KERKGENOOTSCHAP: { description: "Factoring platform code 24 = NL, Kerkgenootschap (church)" },
    NL_VERENIGING_VAN_EIGENAARS: { description: "Factoring platform code 25 = NL, Vereniging van eigenaars (owners' association)" },
    NL_OVERHEID: { description: "Factoring platform code 26 = NL, Overheid (public authority)" },
    NL_BUITENLANDSE_VENNOOTSCHAP: { description: "Factoring platform code 27 = NL, Buitenlandse vennootschap (foreign company)" },
    FI_SAATIO: { description: "Factoring platform code 28 = FI, Säätiö (foundation)" },
    FI_ASUNTO_OSAKEYHTIO: { description: "Factoring platform code 29 = FI, Asunto-osakeyhtiö (housing company)" },
    FI_KIINTEISTOOSAKEYHTIO: { description: "Factoring platform code 30 = FI, Kiinteistöosakeyhtiö (real estate company)" },
  },
});

/** The factoring platform's numeric code of a company type (1..30). */
export const companyTypeCode = (type: CompanyType): number => Object.values(CompanyType).indexOf(type) + 1;
