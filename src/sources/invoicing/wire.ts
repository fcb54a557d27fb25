/**
 * The invoicing system's customers API (004) as it sends it, snake_case. Anything else it sends is
 * kept (the index signatures), never dropped.
 */

/** `customer_type`: a sole trader is `individual` (its org_number is the personnummer). */
export type InvoicingCustomerType = "business" | "individual" | "swedish_business" | "eu_business";

/** A customer as the list shows it (004's list example, plus `country` and `updated_at`). */
export interface InvoicingCustomerListItemWire {
  id: string;
  name?: string | null;
  customer_type?: InvoicingCustomerType | string | null;
  email?: string | null;
  /** Masked in lists for individuals (the personnummer); whole in the detail. */
  org_number?: string | null;
  vat_number?: string | null;
  default_payment_terms?: number | null;
  archived_at?: string | null;
  created_at?: string | null;
  country?: string | null;
  updated_at?: string | null;
  [field: string]: unknown;
}

/** An open invoice (`?expand=invoices`): amounts as decimal strings. */
export interface InvoicingInvoiceWire {
  id: string;
  invoice_number?: string;
  status?: "sent" | "partially_paid" | "overdue" | string;
  currency?: string;
  total_amount?: string;
  open_amount?: string;
  issue_date?: string;
  due_date?: string;
  [field: string]: unknown;
}

/** The full customer (`GET .../customers/{id}?expand=invoices`). */
export interface InvoicingCustomerWire extends InvoicingCustomerListItemWire {
  vat_number_validated?: boolean | null;
  notes?: string | null;
  invoices?: InvoicingInvoiceWire[];
}

export interface InvoicingMetaWire {
  request_id?: string;
  api_version?: string;
  next_cursor?: string | null;
}

export interface InvoicingEnvelopeWire<T> {
  data: T;
  meta: InvoicingMetaWire;
}

/** `{error: {code, message}, meta}`: e.g. 404 NOT_FOUND, 400 VALIDATION_ERROR. */
export interface InvoicingErrorWire {
  error?: { code?: string; message?: string };
  meta?: InvoicingMetaWire;
}
