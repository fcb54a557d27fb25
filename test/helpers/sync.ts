import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { DEVELOPMENT_SOURCE_CREDENTIALS_KEY } from "../../src/config";
import { WriteTransaction } from "../../src/db/write-transaction";
import { CredentialsCipher, SourceCredentials } from "../../src/sources/credentials";
import { runSync, RunOptions, RunResult, SyncEnvironment } from "../../src/sync/engine/run-sync";
import { queueRun } from "../../src/sync/runs";
import type { SourceKind } from "../../src/sources/source-system.entity";

export const testCipher = new CredentialsCipher(DEVELOPMENT_SOURCE_CREDENTIALS_KEY);

/** Fast retries for simulators on loopback: the connectors' policy, shortened. */
export const fastHttp = { timeoutMs: 5_000, retry: { baseDelayMs: 5, maxDelayMs: 50 } };

export const syncEnvironment = (dataSource: DataSource): SyncEnvironment => ({ dataSource, cipher: testCipher, http: fastHttp as SyncEnvironment["http"] });

/** A fresh tenant id per test: nothing of another test is visible to it. */
export const freshTenant = (label: string) => `t-${label}-${randomUUID().slice(0, 8)}`;

export interface SourceSpec {
  kind: `${SourceKind}`;
  name?: string;
  baseUrl: string;
  companyId?: string | null;
  credentials: SourceCredentials;
}

/** Registers a source system for a tenant (as the app role, under row-level security). */
export async function addSource(dataSource: DataSource, tenantId: string, spec: SourceSpec): Promise<string> {
  return inTenant(dataSource, tenantId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO source_system (tenant_id, kind, name, base_url, company_id, credentials) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [tenantId, spec.kind, spec.name ?? `${spec.kind} ${randomUUID().slice(0, 4)}`, spec.baseUrl, spec.companyId ?? null, testCipher.encrypt(spec.credentials)],
    );
    return row.id;
  });
}

/** Runs `work` in a committed transaction of the tenant. */
export const inTenant = <T>(dataSource: DataSource, tenantId: string, work: (tx: WriteTransaction) => Promise<T>): Promise<T> => WriteTransaction.run(dataSource, tenantId, work);

/** Queues a run of the source and runs it in the foreground (no job queue). */
export async function syncNow(dataSource: DataSource, tenantId: string, sourceId: string, full = false, options: RunOptions = {}): Promise<RunResult> {
  const outcome = await inTenant(dataSource, tenantId, (tx) => queueRun(tx, tenantId, sourceId, { full, requestedBy: "test" }));
  if (outcome.kind !== "QUEUED" && outcome.kind !== "ALREADY_OPEN") throw new Error(`not queued: ${outcome.kind}`);
  return runSync(syncEnvironment(dataSource), { tenantId, sourceId, runId: outcome.run.id, full }, options);
}

/** Rows of the tenant, read as the app role. */
export function rows<T = Record<string, unknown>>(dataSource: DataSource, tenantId: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return inTenant(dataSource, tenantId, (tx) => tx.query<T>(sql, params));
}

/** A valid Swedish organisation number (556NNNNNN + Luhn digit), distinct per n < 1e6, as "556xxx-xxxx". */
export function swedishOrg(n: number): string {
  const body = `556${String(n).padStart(6, "0")}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  const digits = `${body}${(10 - (sum % 10)) % 10}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** A CRM record (001's shape) of a Swedish company. */
export function crmRecord(id: number, overrides: Record<string, unknown> = {}) {
  const at = "2026-11-01T10:00:00.000Z";
  return {
    id,
    created_at: at,
    updated_at: at,
    corporate_name: `Company ${id} AB`,
    email: `info${id}@company${id}.example`,
    phone: "+46 8 123 45 67",
    street: "Storgatan 1",
    zip_code: "111 22",
    town: "Stockholm",
    country: "SE",
    company_registration_number: swedishOrg(id),
    external_identifiers: [],
    deleted_at: null,
    ...overrides,
  };
}

/** An invoicing customer (004's detail shape) of a Swedish company, with open invoices. */
export function invoicingCustomer(id: string, org: string, overrides: Record<string, unknown> = {}) {
  const at = "2026-11-01T10:00:00.000Z";
  return {
    id,
    name: `Billing name ${id}`,
    customer_type: "business",
    email: `billing@${id.replace(/[^a-z0-9]/gi, "")}.example`,
    org_number: org,
    country: "SE",
    default_payment_terms: 30,
    archived_at: null,
    created_at: at,
    updated_at: at,
    invoices: [] as Record<string, unknown>[],
    ...overrides,
  };
}

export const invoice = (id: string, number: string, status = "sent", total = "1000.00", open = total) => ({
  id,
  invoice_number: number,
  status,
  currency: "SEK",
  total_amount: total,
  open_amount: open,
  issue_date: "2026-10-01",
  due_date: "2026-10-31",
});
