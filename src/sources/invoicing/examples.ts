import type { InvoicingCustomerListItemWire, InvoicingCustomerWire, InvoicingInvoiceWire } from "./wire";

/** 004's list example item (GET .../customers), exactly as the document shows it. */
export const INVOICING_LIST_EXAMPLE: InvoicingCustomerListItemWire = {
  id: "a8f1…",
  name: "Acme AB",
  customer_type: "business",
  email: "finance@acme.example",
  org_number: "556677-8899",
  vat_number: "SE556677889901",
  default_payment_terms: 30,
  archived_at: null,
  created_at: "2025-04-12T08:30:00Z",
};

/** 004's detail example (GET .../customers/{id}). */
export const INVOICING_DETAIL_EXAMPLE: InvoicingCustomerWire = {
  id: "a8f1…",
  name: "Acme AB",
  customer_type: "business",
  email: "finance@acme.example",
  org_number: "556677-8899",
  vat_number: "SE556677889901",
  vat_number_validated: true,
  country: "Sweden",
  default_payment_terms: 30,
  archived_at: null,
  created_at: "2025-04-12T08:30:00Z",
  updated_at: "2026-04-30T11:22:09Z",
};

/** 004's create response (POST .../customers): a swedish_business, not yet VIES-validated. */
export const INVOICING_CREATED_EXAMPLE: InvoicingCustomerWire = {
  id: "0e9c…",
  name: "Acme AB",
  customer_type: "swedish_business",
  email: "finance@acme.test",
  org_number: "556677-8899",
  vat_number_validated: false,
  default_payment_terms: 30,
  archived_at: null,
  created_at: "2026-05-12T16:00:00Z",
  updated_at: "2026-05-12T16:00:00Z",
};

/** 004's patch response (PATCH .../customers/{id}): a partial record with notes. */
export const INVOICING_PATCHED_EXAMPLE: InvoicingCustomerWire = {
  id: "0e9c…",
  name: "Acme AB",
  default_payment_terms: 14,
  notes: "New payment terms agreed 2026-05-12.",
};

/** An open invoice with the fields SOURCES.md fixes for `?expand=invoices`. */
export const INVOICING_INVOICE_EXAMPLE: InvoicingInvoiceWire = {
  id: "inv_7f3a",
  invoice_number: "2026-0042",
  status: "partially_paid",
  currency: "SEK",
  total_amount: "12500.00",
  open_amount: "4500.50",
  issue_date: "2026-04-01",
  due_date: "2026-05-01",
};
