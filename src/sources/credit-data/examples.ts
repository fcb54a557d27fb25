import type { CreditDataActWire, CreditDataClientWire } from "./wire";

/**
 * 000 shows no example record: these have exactly the fields SOURCES.md "Credit data" fixes for a
 * client and an act, with values of the shapes the guide names (credit limit and currency, a
 * rating, the primary contact, the act's data points).
 */
export const CREDIT_DATA_CLIENT_EXAMPLE: CreditDataClientWire = {
  id: "cd_7f3a91",
  company_name: "Acme AB",
  org_number: "556677-8899",
  country: "SE",
  credit_limit: "250000.00",
  credit_limit_currency: "SEK",
  rating: "AA",
  contact_name: "Anna Andersson",
  email: "finance@acme.example",
  phone: "+46 8 123 45 67",
  created_at: "2025-04-12T08:30:00Z",
  updated_at: "2026-04-30T11:22:09Z",
};

/** An act (financial statement) with its data points, as `/acts/latest` sends it. */
export const CREDIT_DATA_ACT_EXAMPLE: CreditDataActWire = {
  id: "act_2025_556677",
  period_start: "2025-01-01",
  period_end: "2025-12-31",
  published_at: "2026-03-14T09:00:00Z",
  data_points: [
    { code: "REVENUE", label: "Net sales", value: "12500000.00", unit: "SEK" },
    { code: "NET_RESULT", label: "Net result", value: "830000.00", unit: "SEK" },
    { code: "EQUITY", label: "Equity", value: "4100000.00", unit: "SEK" },
    { code: "TOTAL_ASSETS", label: "Total assets", value: "9800000.00", unit: "SEK" },
    { code: "EMPLOYEES", label: "Employees", value: "42", unit: "COUNT" },
    { code: "EQUITY_RATIO", label: "Equity ratio", value: "41.84", unit: "PERCENT" },
  ],
};
