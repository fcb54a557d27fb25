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
});

@InputType()
export class ClientTypeFilter implements EnumFilterShape<ClientType> {
  @Field(() => ClientType, { nullable: true }) eq?: ClientType;
  @Field(() => ClientType, { nullable: true }) neq?: ClientType;
  @Field(() => [ClientType], { nullable: true }) in?: ClientType[];
  @Field(() => [ClientType], { nullable: true }) nin?: ClientType[];
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class CompanyTypeFilter implements EnumFilterShape<CompanyType> {
  @Field(() => CompanyType, { nullable: true }) eq?: CompanyType;
  @Field(() => CompanyType, { nullable: true }) neq?: CompanyType;
  @Field(() => [CompanyType], { nullable: true }) in?: CompanyType[];
  @Field(() => [CompanyType], { nullable: true }) nin?: CompanyType[];
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType()
export class CustomerTypeFilter implements EnumFilterShape<CustomerType> {
  @Field(() => CustomerType, { nullable: true }) eq?: CustomerType;
  @Field(() => CustomerType, { nullable: true }) neq?: CustomerType;
  @Field(() => [CustomerType], { nullable: true }) in?: CustomerType[];
  @Field(() => [CustomerType], { nullable: true }) nin?: CustomerType[];
  @Field({ nullable: true }) isNull?: boolean;
}

@InputType({ description: "Conditions on a client's columns; all given conditions must hold" })
export class ClientFilter {
  @Field(() => IDFilter, { nullable: true }) id?: IDFilter;
  @Field(() => DateTimeFilter, { nullable: true }) createdAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) updatedAt?: DateTimeFilter;
  @Field(() => DateTimeFilter, { nullable: true }) archivedAt?: DateTimeFilter;
  @Field(() => StringFilter, { nullable: true }) name?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) legalName?: StringFilter;
  @Field(() => StringFilter, { nullable: true, description: "Compared normalised: dashes and spaces don't matter" })
  orgNumber?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) countryCode?: StringFilter;
  @Field(() => ClientTypeFilter, { nullable: true }) clientType?: ClientTypeFilter;
  @Field(() => CompanyTypeFilter, { nullable: true }) companyType?: CompanyTypeFilter;
  @Field(() => CustomerTypeFilter, { nullable: true }) customerType?: CustomerTypeFilter;
  @Field(() => BooleanFilter, { nullable: true }) active?: BooleanFilter;
  @Field(() => BooleanFilter, { nullable: true }) blocked?: BooleanFilter;
  @Field(() => BooleanFilter, { nullable: true }) vatNumberValidated?: BooleanFilter;
  @Field(() => StringFilter, { nullable: true }) referenceCode?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) vatNumber?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) email?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) city?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) rating?: StringFilter;
  @Field(() => StringFilter, { nullable: true }) currencyCode?: StringFilter;
  @Field(() => IDFilter, { nullable: true }) parentId?: IDFilter;
  @Field(() => StringFilter, { nullable: true, description: "The JWT subject of the user responsible for the client" }) responsibleUser?: StringFilter;
  @Field(() => [ClientFilter], { nullable: true }) and?: ClientFilter[];
  @Field(() => [ClientFilter], { nullable: true }) or?: ClientFilter[];
  @Field(() => ClientFilter, { nullable: true }) not?: ClientFilter;
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
