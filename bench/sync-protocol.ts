/** The IPC between bench/sync.ts and its simulators' process (bench/sync-sources.ts). */

export const BENCH_TOKEN = "bench-token";
export const BENCH_COMPANY = "bench-company";
/** The OAuth2 client the bench's gateway is to the simulated Aptic. */
export const BENCH_APTIC_CLIENT = "bench-gateway";
export const BENCH_APTIC_SECRET = "bench-aptic-secret";

export type SourcesRequest =
  | { type: "start"; set: string; records: number; seed: number }
  /** Changes `fraction` of each source's records now (a phone in the CRM, an email in invoicing). */
  | { type: "change"; set: string; fraction: number }
  /** An Aptic simulator with `clients` clients of the simulator's dataset (every nested resource, 150 loan transactions every 10th). */
  | { type: "start-aptic"; set: string; clients: number; seed: number; latencyMs: number }
  /** The Aptic simulator's requests since the last ask (and the most in flight at once), counted anew from here. */
  | { type: "aptic-requests"; set: string }
  | { type: "cpu" }
  | { type: "stop" };

export type SourcesReply =
  | { type: "started"; set: string; crmUrl: string; invoicingUrl: string; crm: number; invoicing: number; openInvoices: number; overlap: number }
  | { type: "changed"; set: string; crm: number; invoicing: number }
  | { type: "aptic-started"; set: string; url: string; tokenUrl: string; clients: number; transactions: number }
  | { type: "aptic-requests"; set: string; requests: number; maxInFlight: number }
  | { type: "cpu"; userMs: number; systemMs: number; rssMb: number }
  | { type: "stopped" };
