import type { DataSource } from "typeorm";
import { generateDemoClients } from "./demo-data";
import { ClientGraph, insertClientGraphs } from "./insert";

/** The demo tenant's size: about 200 realistic Nordic and Dutch clients. */
export const DEMO_CLIENT_COUNT = 200;

/** Inserts `count` deterministic demo clients (seeded by `seed`) into a tenant; returns how many. */
export async function seedTenant(dataSource: DataSource, tenantId: string, count: number, seed = 1, onProgress?: (written: number) => void): Promise<number> {
  const clients = generateDemoClients(count, seed) as unknown as ClientGraph[];
  const ids = await insertClientGraphs(dataSource, tenantId, clients, onProgress);
  return ids.length;
}

/**
 * Seeds the demo tenant when the database holds no client at all (a fresh `.data`), so the
 * first `npm start` has something to show and a restart does not seed twice.
 */
export async function seedDemoIfEmpty(dataSource: DataSource, tenantId: string): Promise<number> {
  const [{ any }] = (await dataSource.query(`SELECT EXISTS (SELECT 1 FROM "client") AS any`)) as { any: boolean }[];
  if (any) return 0;
  return seedTenant(dataSource, tenantId, DEMO_CLIENT_COUNT);
}

/**
 * `openDatabase`'s `once` step of a server start: seeds the demo tenant into an empty database
 * (under the startup lock, so once however many processes start), or nothing without SEED_DEMO.
 */
export function demoSeedOnStart(config: { seedDemo: boolean; demoCompanyId: string }, log: (line: string) => void): { once?: (dataSource: DataSource) => Promise<void> } {
  if (!config.seedDemo) return {};
  return {
    once: async (dataSource) => {
      const seeded = await seedDemoIfEmpty(dataSource, config.demoCompanyId);
      if (seeded > 0) log(`seeded demo tenant ${config.demoCompanyId} with ${seeded} clients`);
    },
  };
}
