import { Field, InputType, registerEnumType } from "type-graphql";

export enum ClientOrderField {
  CREATED_AT = "CREATED_AT",
  UPDATED_AT = "UPDATED_AT",
  ARCHIVED_AT = "ARCHIVED_AT",
  NAME = "NAME",
  LEGAL_NAME = "LEGAL_NAME",
  REFERENCE_CODE = "REFERENCE_CODE",
  ORG_NUMBER = "ORG_NUMBER",
  COUNTRY_CODE = "COUNTRY_CODE",
  ID = "ID",
}
registerEnumType(ClientOrderField, {
  name: "ClientOrderField",
  description: "What a list of clients can be sorted by",
  valuesConfig: {
    CREATED_AT: { description: "When the client was created in the gateway" },
    UPDATED_AT: { description: "When the client last changed" },
    ARCHIVED_AT: { description: "When the client was archived (clients not archived sort last)" },
    NAME: { description: "The display name" },
    LEGAL_NAME: { description: "The registered legal name" },
    REFERENCE_CODE: { description: "The factoring platform's reference code" },
    ORG_NUMBER: { description: "The organisation (or personal identity) number, normalised" },
    COUNTRY_CODE: { description: "The ISO 3166-1 alpha-2 country code" },
    ID: { description: "The gateway's id: creation order" },
  },
});

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "The direction of a sort key",
  valuesConfig: { ASC: { description: "Ascending: smallest, earliest or A first" }, DESC: { description: "Descending: largest, latest or Z first" } },
});

@InputType({ description: "One sort key; empty values sort last in both directions; ID, in the last key's direction, breaks ties" })
export class ClientOrder {
  @Field(() => ClientOrderField, { description: "The column" }) field: ClientOrderField;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "ASC (the default) or DESC" }) direction: SortDirection;
}

export interface SortColumn {
  sql: string;
  property: string;
  kind: "timestamptz" | "string" | "bigint";
  nullable: boolean;
}

/** The column behind each sort field (alias `c`) and how its cursor value is cast back. */
export const CLIENT_SORT_COLUMNS: Record<ClientOrderField, SortColumn> = {
  CREATED_AT: { sql: `c."created_at"`, property: "createdAt", kind: "timestamptz", nullable: false },
  UPDATED_AT: { sql: `c."updated_at"`, property: "updatedAt", kind: "timestamptz", nullable: false },
  ARCHIVED_AT: { sql: `c."archived_at"`, property: "archivedAt", kind: "timestamptz", nullable: true },
  NAME: { sql: `c."name"`, property: "name", kind: "string", nullable: false },
  LEGAL_NAME: { sql: `c."legal_name"`, property: "legalName", kind: "string", nullable: true },
  REFERENCE_CODE: { sql: `c."reference_code"`, property: "referenceCode", kind: "string", nullable: true },
  ORG_NUMBER: { sql: `c."org_number"`, property: "orgNumber", kind: "string", nullable: true },
  COUNTRY_CODE: { sql: `c."country_code"`, property: "countryCode", kind: "string", nullable: true },
  ID: { sql: `c."id"`, property: "id", kind: "bigint", nullable: false },
};

export const DEFAULT_CLIENT_ORDER: ClientOrder[] = [
  { field: ClientOrderField.CREATED_AT, direction: SortDirection.ASC },
  { field: ClientOrderField.ID, direction: SortDirection.ASC },
];
