/** The IPC between bench/sync.ts and its simulators' process (bench/sync-sources.ts). */

export const BENCH_TOKEN = "bench-token";
export const BENCH_COMPANY = "bench-company";

export type SourcesRequest =
  | { type: "start"; set: string; records: number; seed: number }
  /** Changes `fraction` of each source's records now (a phone in the CRM, an email in invoicing). */
  | { type: "change"; set: string; fraction: number }
  | { type: "cpu" }
  | { type: "stop" };

export type SourcesReply =
  | { type: "started"; set: string; crmUrl: string; invoicingUrl: string; crm: number; invoicing: number; openInvoices: number; overlap: number }
  | { type: "changed"; set: string; crm: number; invoicing: number }
  | { type: "cpu"; userMs: number; systemMs: number; rssMb: number }
  | { type: "stopped" };
