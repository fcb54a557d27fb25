import type { SourceClientRecord } from "../source-record";

/**
 * One Aptic client with everything the connector read of it (SOURCES.md, Aptic), each resource as
 * Aptic sent it (camelCase JSON objects, unmapped). `null` for a single resource means Aptic
 * answered 404 there: the client has none. Lists hold every page, in Aptic's order.
 *
 * The record's `raw` is the whole bundle, so its content hash (what a run compares to skip an
 * unchanged client) moves when any nested resource changes, and nothing Aptic sent is dropped.
 */
export interface ApticBundle {
  /** The listing's item (`GET /clients` value[]), with `uniqueId` (the clientGuid). */
  client: Record<string, unknown>;
  /** `GET /clients/{guid}/contract`. */
  contract: Record<string, unknown> | null;
  /** `GET /clients/{guid}/factoringloancontract`. */
  factoringLoanContract: Record<string, unknown> | null;
  /** `GET /clients/{guid}/factoringloancontract/summary`. */
  factoringLoanSummary: Record<string, unknown> | null;
  /** Every page of `GET /clients/{guid}/factoringloancontract/transactions`, newest first; empty without a loan contract. */
  factoringLoanTransactions: Record<string, unknown>[];
  /** `GET /clients/{guid}/factoringpurchasecontract`. */
  factoringPurchaseContract: Record<string, unknown> | null;
  /** `GET /clients/{guid}/factoringpurchasecontract/summary`. */
  factoringPurchaseSummary: Record<string, unknown> | null;
  /** Every page of `GET /clients/{guid}/bankaccounts`. */
  bankAccounts: Record<string, unknown>[];
  /** `GET /clients/{guid}/parameters` (every page when paged). */
  parameters: Record<string, unknown>[];
  /** `GET /clients/{guid}/extrafields` (every page when paged). */
  extraFields: Record<string, unknown>[];
  /** Every page of `GET /clients/{guid}/directdebitmandates`. */
  directDebitMandates: Record<string, unknown>[];
  /** `GET /clients/{guid}/summary`. */
  clientSummary: Record<string, unknown> | null;
  /** `GET /clients/{guid}/accounts/summary`: the listing's `value` (every page when paged). */
  accountsSummary: Record<string, unknown>[];
}

/** An Aptic client as the connector hands it to apply: the client's own fields mapped, its nested resources as read. */
export interface ApticClientRecord extends SourceClientRecord {
  kind: "APTIC";
  /** The clientGuid: becomes the gateway client's `uniqueId` when Aptic creates it. */
  clientGuid: string;
  bundle: ApticBundle;
}

export const isApticRecord = (record: SourceClientRecord): record is ApticClientRecord => record.kind === "APTIC" && "bundle" in record;
