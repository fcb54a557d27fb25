import { Field, InputType, registerEnumType } from "type-graphql";
import { BooleanFilter, DateTimeFilter, EnumFilterShape, IDFilter, StringFilter } from "../../common/filters/filter.types";
import type { ColumnRef } from "../../common/filters/compile";
import { normaliseOrgNumber } from "../../common/validation/checksums";
import { ClientType, CompanyType, CustomerType } from "./client.enums";

export enum DeletionFilter {
  EXCLUDE = "EXCLUDE",
  INCLUDE = "INCLUDE",
  ONLY = "ONLY",
}
registerEnumType(DeletionFilter, {
  name: "DeletionFilter",
  description: "Archived clients: hidden (EXCLUDE, the default), shown too (INCLUDE), or alone (ONLY)",
  valuesConfig: {
    EXCLUDE: { description: "Only clients not archived (the default)" },
    INCLUDE: { description: "Archived clients and the others" },
    ONLY: { description: "Only archived clients" },
  },
});

@InputType({ description: "Conditions on a client type; all given conditions must hold" })
export class ClientTypeFilter implements EnumFilterShape<ClientType> {
  @Field(() => ClientType, { nullable: true, description: "Equal to" }) eq?: ClientType;
  @Field(() => ClientType, { nullable: true, description: "Not equal to (rows without a value do not match)" }) neq?: ClientType;
  @Field(() => [ClientType], { nullable: true, description: "One of these" }) in?: ClientType[];
  @Field(() => [ClientType], { nullable: true, description: "None of these (rows without a value do not match)" }) nin?: ClientType[];
  @Field({ nullable: true, description: "true: has no value; false: has one" }) isNull?: boolean;
}

@InputType({ description: "Conditions on a company type; all given conditions must hold" })
export class CompanyTypeFilter implements EnumFilterShape<CompanyType> {
  @Field(() => CompanyType, { nullable: true, description: "Equal to" }) eq?: CompanyType;
  @Field(() => CompanyType, { nullable: true, description: "Not equal to (rows without a value do not match)" }) neq?: CompanyType;
  @Field(() => [CompanyType], { nullable: true, description: "One of these" }) in?: CompanyType[];
  @Field(() => [CompanyType], { nullable: true, description: "None of these (rows without a value do not match)" }) nin?: CompanyType[];
  @Field({ nullable: true, description: "true: has no value; false: has one" }) isNull?: boolean;
}

@InputType({ description: "Conditions on a customer type; all given conditions must hold" })
export class CustomerTypeFilter implements EnumFilterShape<CustomerType> {
  @Field(() => CustomerType, { nullable: true, description: "Equal to" }) eq?: CustomerType;
  @Field(() => CustomerType, { nullable: true, description: "Not equal to (rows without a value do not match)" }) neq?: CustomerType;
  @Field(() => [CustomerType], { nullable: true, description: "One of these" }) in?: CustomerType[];
  @Field(() => [CustomerType], { nullable: true, description: "None of these (rows without a value do not match)" }) nin?: CustomerType[];
  @Field({ nullable: true, description: "true: has no value; false: has one" }) isNull?: boolean;
}

@InputType({ description: "Conditions on a client's columns; all given conditions must hold" })
export class ClientFilter {
  @Field(() => IDFilter, { nullable: true, description: "The gateway's id" }) id?: IDFilter;
  @Field(() => DateTimeFilter, { nullable: true, description: "When the client was created in the gateway" }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true, description: "When the client last changed" }) updatedAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true, description: "When the client was archived (isNull: true for clients not archived)" }) archivedAt?: DateTimeFilter;
  @Field(() => StringFilter, { nullable: true, description: "The display name" }) name?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "The registered legal name" }) legalName?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "Compared normalised: dashes and spaces don't matter" })
  orgNumber?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "ISO 3166-1 alpha-2 country code, compared upper-cased" }) countryCode?: StringFilter;
  @Field(() => ClientTypeFilter, { nullable: true, description: "BUSINESS or INDIVIDUAL" }) clientType?: ClientTypeFilter;
  @Field(() => CompanyTypeFilter, { nullable: true, description: "The legal form" }) companyType?: CompanyTypeFilter;
  @Field(() => CustomerTypeFilter, { nullable: true, description: "The invoicing system's customer_type" }) customerType?: CustomerTypeFilter;
  @Field(() => BooleanFilter, { nullable: true, description: "Whether the client is active" }) active?: BooleanFilter;
  @Field(() => BooleanFilter, { nullable: true, description: "Whether the factoring platform blocks the client" }) blocked?: BooleanFilter;
  @Field(() => BooleanFilter, { nullable: true, description: "Whether VIES confirmed the VAT number" }) vatNumberValidated?: BooleanFilter;
  @Field(() => StringFilter, { nullable: true, description: "The factoring platform's reference code" }) referenceCode?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "The VAT number, compared without spaces, dots and dashes, upper-cased" }) vatNumber?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "The e-mail address" }) email?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "The city of the client's address" }) city?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "The credit-data provider's rating" }) rating?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "The client's ISO 4217 currency code, compared upper-cased" }) currencyCode?: StringFilter;
  @Field(() => IDFilter, { nullable: true, description: "The id of the parent client (group)" }) parentId?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: "The JWT subject of the user responsible for the client" }) responsibleUser?: StringFilter;
  @Field(() => [ClientFilter], { nullable: true, description: "Every one of these holds" }) and?: ClientFilter[];
  @Field(() => [ClientFilter], { nullable: true, description: "At least one of these holds" }) or?: ClientFilter[];
  @Field(() => ClientFilter, { nullable: true, description: "This does not hold" }) not?: ClientFilter;
}

const col = (name: string, kind: ColumnRef["kind"], normalise?: ColumnRef["normalise"]): ColumnRef => ({
  sql: `c."${name}"`,
  kind,
  normalise,
});

/**
 * An INDIVIDUAL's org number is a personnummer (and a sole trader's VAT number embeds it). Without
 * clients:pii, filters and search compare these columns as NULL for individuals, so no predicate
 * (eq, startsWith, contains, a search) can find a person by, or guess, the masked digits.
 */
export const PERSONAL_WITHOUT_PII = (column: string) => `(CASE WHEN c."client_type" = 'INDIVIDUAL' THEN NULL ELSE c."${column}" END)`;

/** ClientFilter's fields and the columns they compare (alias `c`), for a caller with or without clients:pii. */
export function clientFilterColumns(pii: boolean): Record<string, ColumnRef> {
  if (pii) return CLIENT_FILTER_COLUMNS;
  return {
    ...CLIENT_FILTER_COLUMNS,
    orgNumber: { ...CLIENT_FILTER_COLUMNS.orgNumber, sql: PERSONAL_WITHOUT_PII("org_number") },
    vatNumber: { ...CLIENT_FILTER_COLUMNS.vatNumber, sql: PERSONAL_WITHOUT_PII("vat_number") },
  };
}

const CLIENT_FILTER_COLUMNS: Record<string, ColumnRef> = {
  id: col("id", "bigint"),
  createdAt: col("created_at", "timestamptz"),
  updatedAt: col("updated_at", "timestamptz"),
  archivedAt: col("archived_at", "timestamptz"),
  name: col("name", "string"),
  legalName: col("legal_name", "string"),
  orgNumber: col("org_number", "string", normaliseOrgNumber),
  countryCode: col("country_code", "string", (v) => v.toUpperCase()),
  clientType: col("client_type", "enum"),
  companyType: col("company_type", "enum"),
  customerType: col("customer_type", "enum"),
  active: col("active", "boolean"),
  blocked: col("blocked", "boolean"),
  vatNumberValidated: col("vat_number_validated", "boolean"),
  referenceCode: col("reference_code", "string"),
  vatNumber: col("vat_number", "string", (v) => v.replace(/[\s.-]/g, "").toUpperCase()),
  email: col("email", "string"),
  city: col("city", "string"),
  rating: col("rating", "string"),
  currencyCode: col("currency_code", "string", (v) => v.toUpperCase()),
  parentId: col("parent_id", "bigint"),
  responsibleUser: col("responsible_user", "string"),
};
