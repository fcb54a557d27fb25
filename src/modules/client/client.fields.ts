import { Field, ID, Int } from "type-graphql";
import type { GraphQLScalarType } from "graphql";
import { CountryCode, Currency, DateScalar, Decimal, EmailAddress } from "../../common/scalars";
import { ClientType, CompanyType, CustomerType } from "./client.enums";

/**
 * The writable fields of a client in one table: their kind (GraphQL input type and the checks
 * they get), length limit (the sources' and the column's), and description. CreateClientInput,
 * UpdateClientInput, ClientPreview, the validation and the audit trail are all made from it, so a
 * field added here is writable, validated, previewed and audited at once.
 */
export type FieldKind =
  | "text" | "email" | "url" | "phone" | "country" | "currency" | "language" | "culture" | "date"
  | "orgNumber" | "vatNumber" | "lei" | "gln" | "sdi" | "int" | "bool" | "money" | "percent"
  | "clientType" | "companyType" | "customerType" | "id";

export interface WritableField {
  kind: FieldKind;
  /** Longest text accepted (the column's length). */
  max?: number;
  /** Can't be left out on create or cleared on update (checked by the gateway: INVALID_DATA). */
  required?: boolean;
  /** Smallest and largest whole number, for int fields. */
  range?: [number, number];
  description?: string;
}

export const CLIENT_FIELDS = {
  name: { kind: "text", max: 255, required: true, description: "Name used on invoices" },
  clientType: { kind: "clientType", description: "BUSINESS (default on create) or INDIVIDUAL (a sole trader: orgNumber is a personnummer)" },
  companyType: { kind: "companyType", description: "Legal form; its country prefix must match countryCode" },
  customerType: { kind: "customerType", description: "The invoicing system's customer type; INDIVIDUAL needs clientType INDIVIDUAL, the others BUSINESS" },
  referenceCode: { kind: "text", max: 50, description: "Client number" },
  legalName: { kind: "text", max: 255 },
  informalName: { kind: "text", max: 255 },
  acronym: { kind: "text", max: 50 },
  orgNumber: { kind: "orgNumber", max: 32, description: "With or without dash; checked by the country's algorithm (needs countryCode). A personnummer, or any INDIVIDUAL's number, needs clients:pii" },
  countryCode: { kind: "country", description: "ISO 3166-1 alpha-2, e.g. SE" },
  vatNumber: { kind: "vatNumber", max: 20, description: "EU VAT number, checked against the country's format; validated with VIES after commit. One around a personnummer, or any INDIVIDUAL's, needs clients:pii" },
  vatRate: { kind: "percent", description: "VAT rate in percent, 0..100" },
  vatRateId: { kind: "int", range: [0, 2147483647], description: "The CRM's VAT rate id" },
  registeredForTax: { kind: "bool", description: "Whether the client is registered for VAT" },
  taxReference: { kind: "text", max: 80 },
  email: { kind: "email", max: 320 },
  administrationEmail: { kind: "email", max: 320 },
  pec: { kind: "email", max: 320, description: "Italian certified e-mail (PEC)" },
  sdiCode: { kind: "sdi", max: 16, description: "Italian e-invoicing recipient code: 6 to 16 letters and digits as sources send it; for countryCode IT 7 (businesses) or 6 (public administration)" },
  intentCode: { kind: "text", max: 80 },
  intentDate: { kind: "date", description: "YYYY-MM-DD" },
  phone: { kind: "phone", max: 80 },
  companyPhone: { kind: "phone", max: 80 },
  cellularPhone: { kind: "phone", max: 80 },
  contactPerson: { kind: "text", max: 255 },
  website: { kind: "url", max: 255, description: "http(s) URL" },
  linkedin: { kind: "url", max: 255, description: "http(s) URL" },
  street: { kind: "text", max: 250 },
  houseNo: { kind: "text", max: 20 },
  houseNoExtension: { kind: "text", max: 20 },
  zipCode: { kind: "text", max: 20 },
  city: { kind: "text", max: 80 },
  stateCode: { kind: "text", max: 10 },
  countryCodeOfOperation: { kind: "country", description: "ISO 3166-1 alpha-2" },
  languageCode: { kind: "language", description: "ISO 639-1, e.g. sv" },
  defaultCultureCode: { kind: "culture", max: 16, description: "language-REGION, e.g. sv-SE" },
  currencyCode: { kind: "currency", description: "ISO 4217, e.g. SEK" },
  municipalCode: { kind: "text", max: 20 },
  naceCode: { kind: "text", max: 10 },
  leiNumber: { kind: "lei", max: 20, description: "ISO 17442 Legal Entity Identifier (check digits verified)" },
  glnNumber: { kind: "gln", max: 13, description: "GS1 Global Location Number (check digit verified)" },
  creditLimit: { kind: "money", description: "Zero or more, at most 2 decimals" },
  creditLimitCurrency: { kind: "currency", description: "ISO 4217" },
  rating: { kind: "text", max: 16 },
  paymentTerms: { kind: "int", range: [0, 3650], description: "Days, 0..3650" },
  paymentCondition: { kind: "text", max: 255 },
  paymentTermId: { kind: "int", range: [0, 2147483647], description: "The CRM's payment term id" },
  bankAccountId: { kind: "int", range: [0, 2147483647], description: "The CRM's bank account id" },
  groupId: { kind: "int", range: [0, 2147483647], description: "The CRM's client group id" },
  groupCompany: { kind: "int", range: [0, 2147483647], description: "The CRM's group company number" },
  ledgerType: { kind: "int", range: [0, 2147483647], description: "The factoring platform's ledger type code" },
  masterPinCode: { kind: "text", max: 20 },
  logotype: { kind: "text", max: 700_000, description: "Base64 PNG" },
  webLogotype: { kind: "text", max: 700_000, description: "Base64 PNG" },
  pricelistTemplate: { kind: "text", max: 80 },
  parameterTemplate: { kind: "text", max: 80 },
  chartOfAccountTemplate: { kind: "text", max: 80 },
  active: { kind: "bool", description: "Default true" },
  blocked: { kind: "bool", description: "Blocked for remittance; default false" },
  notes: { kind: "text", max: 10_000 },
  description: { kind: "text", max: 10_000 },
  parentId: { kind: "id", description: "The group parent: a client of the same company" },
  responsibleUser: { kind: "text", max: 255, description: "The JWT subject of the user responsible for the client; createClient and bulkCreateClients default it to the caller's subject" },
} as const satisfies Record<string, WritableField>;

export type ClientFieldName = keyof typeof CLIENT_FIELDS;
export const CLIENT_FIELD_NAMES = Object.keys(CLIENT_FIELDS) as ClientFieldName[];

type ValueOf<K extends FieldKind> = K extends "int" ? number : K extends "bool" ? boolean : K extends "clientType" ? ClientType : K extends "companyType" ? CompanyType : K extends "customerType" ? CustomerType : string;

/** The values of a create or update input: absent (undefined) leaves a field alone, null clears it. */
export type ClientValues = { -readonly [K in ClientFieldName]?: ValueOf<(typeof CLIENT_FIELDS)[K]["kind"]> | null };

const TEXT_KINDS: ReadonlySet<FieldKind> = new Set(["text", "email", "url", "phone", "country", "currency", "language", "culture", "date", "orgNumber", "vatNumber", "lei", "gln", "sdi"]);

/**
 * The GraphQL type of a field, the same in the inputs as in Client and ClientPreview: a value a
 * scalar refuses is a request error (BAD_USER_INPUT); the rules beyond the format (lengths,
 * checksums, ranges) are the pipeline's, reported with all the others (INVALID_DATA).
 */
function inputType(kind: FieldKind): () => unknown {
  switch (kind) {
    case "email": return () => EmailAddress;
    case "country": return () => CountryCode;
    case "currency": return () => Currency;
    case "date": return () => DateScalar;
  }
  if (TEXT_KINDS.has(kind)) return () => String;
  switch (kind) {
    case "int": return () => Int;
    case "bool": return () => Boolean;
    case "money":
    case "percent": return () => Decimal;
    case "clientType": return () => ClientType;
    case "companyType": return () => CompanyType;
    case "customerType": return () => CustomerType;
    default: return () => ID;
  }
}

/** Outputs (the preview) use the inputs' types. */
const outputType = inputType;

/** Fields that have a value in every stored client (a default when left out): never cleared. */
const ALWAYS_SET: ReadonlySet<ClientFieldName> = new Set(["clientType", "active", "blocked"]);

/** Fields that can't be null: the required ones and those with a default. */
export const NOT_NULL_FIELDS: ReadonlySet<ClientFieldName> = new Set(
  CLIENT_FIELD_NAMES.filter((name) => ALWAYS_SET.has(name) || (CLIENT_FIELDS[name] as WritableField).required),
);

/**
 * Declares the spec's fields on a type-graphql class. `input: "create"` keeps required fields
 * non-null; `"update"` makes every field optional (a patch). `omit` leaves fields to resolvers.
 */
export function declareClientFields(target: abstract new () => object, mode: "create" | "update" | "output", omit: readonly ClientFieldName[] = []): void {
  for (const name of CLIENT_FIELD_NAMES) {
    if (omit.includes(name)) continue;
    const spec: WritableField = CLIENT_FIELDS[name];
    const description = [spec.description, spec.max && TEXT_KINDS.has(spec.kind) ? `At most ${spec.max} characters.` : undefined].filter(Boolean).join(". ") || undefined;
    // Inputs take even required fields as nullable, so that a missing one is an INVALID_DATA
    // failure among the others (and GraphQL doesn't echo the whole input in an error message).
    const nullable = mode === "output" ? !NOT_NULL_FIELDS.has(name) : true;
    const options: Record<string, unknown> = { nullable, description };
    if (mode === "create" && name === "clientType") options.defaultValue = ClientType.BUSINESS;
    const type = mode === "output" ? outputType(spec.kind) : inputType(spec.kind);
    Field(type as () => GraphQLScalarType, options)(target.prototype, name);
  }
}
