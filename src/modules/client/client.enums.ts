import { registerEnumType } from "type-graphql";

export enum ClientType {
  BUSINESS = "BUSINESS",
  INDIVIDUAL = "INDIVIDUAL",
}
registerEnumType(ClientType, { name: "ClientType", description: "A company, or a person (sole trader)" });

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
});

/** The factoring platform's numeric code of a company type (1..30). */
export const companyTypeCode = (type: CompanyType): number => Object.values(CompanyType).indexOf(type) + 1;
