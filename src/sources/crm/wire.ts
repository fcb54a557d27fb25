/**
 * The CRM's client as its API sends it (001/002), snake_case. Every field may be missing or null
 * in practice; anything else the CRM sends is kept too (the index signature), never dropped.
 */
export interface CrmExternalIdentifierWire {
  id?: number;
  created_at?: string;
  updated_at?: string;
  external_id?: string;
  type?: string;
  deleted_at?: string | null;
  [field: string]: unknown;
}

export interface CrmClientWire {
  id: number | string;
  created_at?: string | null;
  updated_at?: string | null;
  corporate_name?: string | null;
  acronym?: string | null;
  email?: string | null;
  notes?: string | null;
  website?: string | null;
  linkedin?: string | null;
  description?: string | null;
  street?: string | null;
  zip_code?: string | null;
  town?: string | null;
  country?: string | null;
  vat?: string | null;
  payment_condition?: string | null;
  group_company?: number | null;
  sdi_code?: string | null;
  pec?: string | null;
  administration_email?: string | null;
  company_registration_number?: string | null;
  legal_name?: string | null;
  intent_code?: string | null;
  intent_date?: string | null;
  phone?: string | null;
  tax_reference?: string | null;
  group_id?: number | null;
  bank_account_id?: number | null;
  vat_rate_id?: number | null;
  payment_term_id?: number | null;
  external_identifiers?: CrmExternalIdentifierWire[];
  deleted_at?: string | null;
  [field: string]: unknown;
}

/** The CRM's error body: `{key, message, failures?}` (invalid_data, not_found, precondition_failure...). */
export interface CrmErrorWire {
  key?: string;
  message?: string;
  failures?: Array<{ field?: string; message?: string }>;
}

export type CrmDeletionStatus = "exclude" | "include" | "only";
