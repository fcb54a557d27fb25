import type { CrmClientWire } from "./wire";

/** The example record of 001 (`GET /api/clients`), exactly as the document shows it. */
export const CRM_LIST_EXAMPLE: CrmClientWire = {
  id: 1,
  created_at: "2026-05-15T17:08:59.529Z",
  updated_at: "2026-05-15T17:08:59.529Z",
  corporate_name: "First client",
  acronym: "First client acronym",
  email: "example@example.com",
  notes: "Some notes",
  website: "https://example.com",
  linkedin: "https://linkedin.com/in/example",
  description: "A brief description",
  street: "123 Main St",
  zip_code: "12345",
  town: "Townsville",
  country: "United States",
  vat: "123456789",
  payment_condition: "Payment terms",
  group_company: 1,
  sdi_code: "SDI12345",
  pec: "pec@example.com",
  administration_email: "admin@example.com",
  company_registration_number: "1234567890",
  legal_name: "Legal Name",
  intent_code: "Intent Code",
  intent_date: "2024-01-01",
  phone: "123-456-7890",
  tax_reference: "Tax Reference",
  group_id: 1,
  bank_account_id: 1,
  vat_rate_id: 1,
  payment_term_id: 1,
  external_identifiers: [
    {
      id: 1,
      created_at: "2026-05-15T17:08:59.529Z",
      updated_at: "2026-05-15T17:08:59.529Z",
      external_id: "SF-0001",
      type: "string",
    },
  ],
  deleted_at: "2026-05-15T17:08:59.529Z",
};

/** The example record of 002 (`GET /api/clients/{id}`): the same client, other timestamps. */
export const CRM_DETAIL_EXAMPLE: CrmClientWire = {
  ...CRM_LIST_EXAMPLE,
  created_at: "2026-05-15T17:08:59.548Z",
  updated_at: "2026-05-15T17:08:59.548Z",
  external_identifiers: [
    { id: 1, created_at: "2026-05-15T17:08:59.548Z", updated_at: "2026-05-15T17:08:59.548Z", external_id: "SF-0001", type: "string" },
  ],
  deleted_at: "2026-05-15T17:08:59.548Z",
};
