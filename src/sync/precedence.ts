/**
 * Which source wins a client field (SOURCES.md, "Reconciliation", rule 4). Fields are grouped; each
 * group has a precedence list of source kinds, per tenant, with the defaults below. Pure: the
 * caller passes the field's current provenance and what the source sent before.
 */

export type SourceKindName = "CRM" | "APTIC" | "INVOICING" | "CREDIT_DATA";

/** The field groups, in the order they are listed (GraphQL FieldGroup, table source_precedence). */
export const FIELD_GROUPS = ["IDENTITY", "CONTACT", "FINANCE", "BILLING", "CREDIT"] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** The Client fields of each group; a field not listed is IDENTITY. */
const GROUP_FIELDS: Record<Exclude<FieldGroup, "IDENTITY">, readonly string[]> = {
  CONTACT: [
    "email", "administrationEmail", "pec", "phone", "companyPhone", "cellularPhone", "contactPerson",
    "street", "houseNo", "houseNoExtension", "zipCode", "city", "stateCode", "website", "linkedin",
  ],
  // Finance and factoring: the factoring platform's terms of the client.
  FINANCE: [
    "vatRate", "vatRateId", "registeredForTax", "taxReference", "currencyCode", "ledgerType",
    "chartOfAccountTemplate", "bankAccountId", "masterPinCode", "active", "blocked", "pricelistTemplate",
    "parameterTemplate", "referenceCode", "groupId", "groupCompany",
  ],
  // Billing and invoices: how the client is invoiced. customerType is the invoicing system's own
  // class of the customer (domestic, EU, sole trader), which decides how it invoices (VAT, reverse
  // charge): billing, though the coarse clientType it implies is identity.
  BILLING: ["paymentTerms", "paymentCondition", "paymentTermId", "sdiCode", "intentCode", "intentDate", "customerType"],
  // "Credit limit, currency and rating from credit data" (SOURCES.md): the credit limit's currency;
  // the client's own currencyCode is finance.
  CREDIT: ["creditLimit", "creditLimitCurrency", "rating"],
};

const GROUP_OF = new Map<string, FieldGroup>(
  Object.entries(GROUP_FIELDS).flatMap(([group, fields]) => fields.map((field) => [field, group as FieldGroup] as const)),
);

/** The Client fields of a group (IDENTITY: every field no other group lists). */
export function fieldsOfGroup(group: FieldGroup, allFields: readonly string[]): string[] {
  return group === "IDENTITY" ? allFields.filter((field) => !GROUP_OF.has(field)) : [...GROUP_FIELDS[group]];
}

export function fieldGroupOf(field: string): FieldGroup {
  return GROUP_OF.get(field) ?? "IDENTITY";
}

/** The defaults of SOURCES.md: identity and contact from the CRM, finance from Aptic, billing from invoicing, credit from credit data. */
export const DEFAULT_PRECEDENCE: Record<FieldGroup, readonly SourceKindName[]> = {
  IDENTITY: ["CRM", "APTIC", "INVOICING", "CREDIT_DATA"],
  CONTACT: ["CRM", "APTIC", "INVOICING", "CREDIT_DATA"],
  FINANCE: ["APTIC", "CRM", "INVOICING", "CREDIT_DATA"],
  BILLING: ["INVOICING", "CRM", "APTIC", "CREDIT_DATA"],
  CREDIT: ["CREDIT_DATA", "APTIC", "CRM", "INVOICING"],
};

/** A tenant's precedence: its own list for a group where it set one, else the default. */
export type Precedence = Partial<Record<FieldGroup, readonly SourceKindName[]>>;

/** Who set a field last: a source kind, or null for a person through the gateway's own mutations. */
export interface Provenance {
  source: SourceKindName | null;
}

export interface FieldOffer {
  field: string;
  /** The kind of the source offering the value. */
  source: SourceKindName;
  value: unknown;
  /** What this source sent for the field the time before (from its stored record); undefined when it never did. */
  previous: unknown;
}

const rank = (list: readonly SourceKindName[], kind: SourceKindName) => {
  const index = list.indexOf(kind);
  return index < 0 ? list.length : index;
};

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Whether a source's value for a field is written to the client:
 * - a field nobody set yet takes it;
 * - a field a source set takes it from a source ranked as high or higher for the field's group
 *   (the same source included: the value changed there);
 * - a field a person set through the API stands until the field changes in its owning source (the
 *   first of the group's list): the owner's value is taken once it differs from what the owner sent
 *   before; a first value from the owner does not override the person's.
 */
export function takesValue(offer: FieldOffer, current: Provenance | undefined, precedence: Precedence = {}): boolean {
  const list = precedence[fieldGroupOf(offer.field)] ?? DEFAULT_PRECEDENCE[fieldGroupOf(offer.field)];
  if (!current) return true;
  if (current.source === null) {
    return offer.source === list[0] && offer.previous !== undefined && !same(offer.previous, offer.value);
  }
  return rank(list, offer.source) <= rank(list, current.source);
}
