import { randomUUID } from "node:crypto";
import { luhnCheckDigit } from "../../src/common/validation/checksums";
import type { TestGateway } from "./harness";

/** The scopes of a caller that may write. */
export const WRITER = ["clients:read", "clients:write"];

/** A fresh idempotency key. */
export const newKey = (): string => `key-${randomUUID()}`;

/** A valid Swedish organisationsnummer (10 digits, Luhn), distinct for each n < 1,000,000 (556xxxxxx, an aktiebolag). */
export function swedishOrgNumber(n: number): string {
  const payload = `556${String(n).padStart(6, "0")}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** A valid 10-digit Swedish personnummer (YYMMDDXXXX) for a birth date and 3 serial digits. */
export function swedishPersonalNumber(yymmdd: string, serial: string): string {
  const payload = `${yymmdd}${serial}`;
  return `${payload}${luhnCheckDigit(payload)}`;
}

/** Rows of a tenant table, counted as the owner (outside row-level security). */
export async function countRows(gateway: TestGateway, table: string, tenant: string): Promise<number> {
  const [row] = (await gateway.dataSource.query(`SELECT count(*)::int AS n FROM "${table}" WHERE tenant_id = $1`, [tenant])) as { n: number }[];
  return row.n;
}

/** The three tables a mutation writes to, counted for one tenant. */
export async function footprint(gateway: TestGateway, tenant: string): Promise<{ clients: number; keys: number; audit: number }> {
  return {
    clients: await countRows(gateway, "client", tenant),
    keys: await countRows(gateway, "idempotency_key", tenant),
    audit: await countRows(gateway, "audit_entry", tenant),
  };
}
