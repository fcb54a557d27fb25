import { ClientGraph, insertClientGraphs } from "../../src/db/seed/insert";
import type { TestGateway } from "./harness";

/** Inserts clients for a tenant (through the app role, under RLS) and returns their ids. */
export function createClients(gateway: TestGateway, tenant: string, clients: ClientGraph[]): Promise<string[]> {
  return insertClientGraphs(gateway.dataSource, tenant, clients.map((c, i) => ({ name: `Client ${i}`, ...c })));
}

/** An instant on a fixed day, so date filters have exact expectations. */
export const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12, 0, 0));
