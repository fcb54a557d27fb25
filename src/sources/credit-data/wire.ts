/**
 * The credit-data provider's clients API (000, SOURCES.md "Credit data") as it sends it,
 * snake_case. Every field may be missing or null in practice; anything else it sends is kept (the
 * index signatures), never dropped.
 */

/** A client as the listing (`GET /api/clients`) and the lookup (`GET /api/clients/lookup`) send it. */
export interface CreditDataClientWire {
  id: string | number;
  company_name?: string | null;
  org_number?: string | null;
  /** An ISO 3166-1 alpha-2 code or a country name. */
  country?: string | null;
  /** A decimal string ("250000.00"); a provider that sends a JSON number is read as its decimal text. */
  credit_limit?: string | number | null;
  credit_limit_currency?: string | null;
  rating?: string | null;
  contact_name?: string | null;
  email?: string | null;
  phone?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  [field: string]: unknown;
}

/** One line of an act: `{code, label, value, unit}` ("REVENUE", "Net sales", "12500000.00", "SEK"). */
export interface CreditDataPointWire {
  code?: string | null;
  label?: string | null;
  value?: string | number | null;
  unit?: string | null;
  [field: string]: unknown;
}

/** An act (financial statement): `GET /api/clients/{id}/acts/latest` and the items of `/acts`. */
export interface CreditDataActWire {
  id: string | number;
  period_start?: string | null;
  period_end?: string | null;
  published_at?: string | null;
  data_points?: CreditDataPointWire[] | null;
  [field: string]: unknown;
}

/** `meta` of a list: `page` counts from 1, `total` is every item of the listing (all pages). */
export interface CreditDataMetaWire {
  page?: number;
  limit?: number;
  total?: number;
}

/** A list: `{data, meta: {page, limit, total}}`. */
export interface CreditDataListWire<T> {
  data: T[];
  meta: CreditDataMetaWire;
}

/** Its error body (000 shows none): `{error: {code, message}}` or `{code, message}`, read both ways. */
export interface CreditDataErrorWire {
  error?: { code?: string; message?: string } | string;
  code?: string;
  message?: string;
}
