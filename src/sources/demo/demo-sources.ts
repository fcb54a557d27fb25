import { randomBytes } from "node:crypto";
import type { DataSource } from "typeorm";
import type { Config } from "../../config";
import type { Logger } from "../../common/log";
import { DEMO_CLIENT_COUNT } from "../../db/seed/seed";
import { WriteTransaction } from "../../db/write-transaction";
import { CrmSimulator } from "../crm/simulator";
import { InvoicingSimulator } from "../invoicing/simulator";
import { CreditDataSimulator } from "../credit-data/simulator";
import { demoCreditData } from "./demo-credit-data";
import { ApticSimulator } from "../aptic/simulator";
import { CredentialsCipher } from "../credentials";
import { SourceKind, SourceSystem } from "../source-system.entity";
import { demoSourceData, type DemoSourceData } from "./demo-source-data";

/**
 * Development only: the simulated CRM, invoicing system, Aptic and credit data (src/sources/*\/simulator.ts) on
 * loopback ports, fed from demoSourceData, registered as the demo tenant's source systems so that
 * a sync shows reconciled clients with provenance on the first `npm start`.
 */

/** How a connector reaches one simulated system: its base URL, bearer token and company id. */
export interface DemoSourceEndpoint {
  baseUrl: string;
  token: string;
  companyId: string;
}

/** How the connector reaches the simulated Aptic: OAuth2 client credentials at its token endpoint. */
export interface DemoApticEndpoint {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface StartedDemoSources {
  crm: DemoSourceEndpoint & { simulator: CrmSimulator };
  invoicing: DemoSourceEndpoint & { simulator: InvoicingSimulator };
  /** The credit-data provider (its requests name no company). */
  creditData: Omit<DemoSourceEndpoint, "companyId"> & { companyId: null; simulator: CreditDataSimulator };
  aptic: DemoApticEndpoint & { simulator: ApticSimulator };
  /** Stops the simulators (their open connections included). */
  close(): Promise<void>;
}

export interface StartDemoSourcesOptions {
  /** The records to serve; default demoSourceData() for the seeded demo tenant. */
  data?: DemoSourceData;
}

/** The CRM's X-Company-Id and the invoicing system's company id of the demo account. */
export const DEMO_CRM_COMPANY_ID = "4711";
export const DEMO_INVOICING_COMPANY_ID = "comp_demo";

/** The source systems' names in the demo tenant: registration finds its rows of an earlier start by them. */
export const DEMO_SOURCE_NAMES = {
  crm: "Demo CRM (simulated)",
  invoicing: "Demo invoicing (simulated)",
  creditData: "Demo credit data (simulated)",
  aptic: "Demo Aptic (simulated)",
} as const;

/** The OAuth2 client the gateway is to the simulated Aptic (its secret is made per start). */
export const DEMO_APTIC_CLIENT_ID = "gateway-demo";

const newToken = (): string => randomBytes(24).toString("base64url");

/**
 * Starts the simulated CRM, invoicing system and credit data on 127.0.0.1, each on a free port of its own,
 * serving `data` and accepting only a bearer token made for this start.
 */
export async function startDemoSources(options: StartDemoSourcesOptions = {}): Promise<StartedDemoSources> {
  const data = options.data ?? demoSourceData({ demoClientCount: DEMO_CLIENT_COUNT });
  const crmToken = newToken();
  const invoicingToken = newToken();
  const crm = await CrmSimulator.start({ token: crmToken, companyId: DEMO_CRM_COMPANY_ID, records: data.crm });
  let invoicing: InvoicingSimulator;
  try {
    invoicing = await InvoicingSimulator.start({ token: invoicingToken, companyId: DEMO_INVOICING_COMPANY_ID, customers: data.invoicing });
  } catch (error) {
    await crm.close();
    throw error;
  }
  const apticSecret = newToken();
  let aptic: ApticSimulator;
  try {
    aptic = await ApticSimulator.start({ oauth2: { clientId: DEMO_APTIC_CLIENT_ID, clientSecret: apticSecret }, clients: data.aptic.clients });
  } catch (error) {
    await Promise.all([crm.close(), invoicing.close()]);
    throw error;
  }
  const creditDataToken = newToken();
  const creditData = await CreditDataSimulator.start({ token: creditDataToken, clients: demoCreditData({ demoClientCount: DEMO_CLIENT_COUNT }).clients }).catch(async (error: unknown) => {
    await Promise.all([crm.close(), invoicing.close(), aptic.close()]);
    throw error;
  });
  return {
    crm: { baseUrl: crm.url, token: crmToken, companyId: DEMO_CRM_COMPANY_ID, simulator: crm },
    invoicing: { baseUrl: invoicing.url, token: invoicingToken, companyId: DEMO_INVOICING_COMPANY_ID, simulator: invoicing },
    aptic: { baseUrl: aptic.url, tokenUrl: aptic.tokenUrl, clientId: DEMO_APTIC_CLIENT_ID, clientSecret: apticSecret, simulator: aptic },
    creditData: { baseUrl: creditData.url, token: creditDataToken, companyId: null, simulator: creditData },
    close: async () => {
      await Promise.all([crm.close(), invoicing.close(), aptic.close(), creditData.close()]);
    },
  };
}

export interface DemoSourceIds {
  crm: string;
  invoicing: string;
  aptic: string;
  creditData: string;
}

/**
 * Upserts the tenant's four demo source systems (by kind and name): a new row on the first start,
 * else the row of the earlier start gets this start's base URL, token and company id (the ports
 * and tokens change every start). Everything else of a row (enabled, schedule, sync state) is left
 * as it was. One transaction as the app role with the tenant set, so row-level security checks
 * every row; an advisory lock keeps two processes starting at once from inserting twice.
 * Returns the rows' ids.
 */
export async function registerDemoSources(
  dataSource: DataSource,
  tenantId: string,
  cipher: CredentialsCipher,
  started: Pick<StartedDemoSources, "crm" | "invoicing" | "aptic" | "creditData">,
): Promise<DemoSourceIds> {
  return WriteTransaction.run(dataSource, tenantId, async (tx) => {
    const manager = tx.manager;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`demo-sources:${tenantId}`]);
    const bearer = (endpoint: Omit<DemoSourceEndpoint, "companyId"> & { companyId: string | null }) => ({ baseUrl: endpoint.baseUrl, companyId: endpoint.companyId, credentials: cipher.encrypt({ bearerToken: endpoint.token }) });
    const upsert = async (kind: SourceKind, name: string, values: { baseUrl: string; companyId: string | null; credentials: string }): Promise<string> => {
      const existing = await manager.findOne(SourceSystem, { where: { tenantId, kind, name }, order: { id: "ASC" } });
      if (existing) {
        await manager.update(SourceSystem, { id: existing.id, tenantId }, values);
        return String(existing.id);
      }
      const row = await manager.save(manager.create(SourceSystem, { tenantId, kind, name, apiVersion: null, enabled: true, schedule: null, ...values }));
      return String(row.id);
    };
    return {
      crm: await upsert(SourceKind.CRM, DEMO_SOURCE_NAMES.crm, bearer(started.crm)),
      invoicing: await upsert(SourceKind.INVOICING, DEMO_SOURCE_NAMES.invoicing, bearer(started.invoicing)),
      // OAuth2 client credentials at the simulator's token endpoint, as a deployment's Aptic.
      aptic: await upsert(SourceKind.APTIC, DEMO_SOURCE_NAMES.aptic, {
        baseUrl: started.aptic.baseUrl,
        companyId: null,
        credentials: cipher.encrypt({ oauth2: { tokenUrl: started.aptic.tokenUrl, clientId: started.aptic.clientId, clientSecret: started.aptic.clientSecret } }),
      }),
      creditData: await upsert(SourceKind.CREDIT_DATA, DEMO_SOURCE_NAMES.creditData, bearer(started.creditData)),
    };
  });
}

export interface DemoSourcesHandle {
  /** The demo tenant's demo source systems (CRM first), to sync; empty when the demo sources are off. */
  sourceIds: string[];
  /** Where they listen this start, to print for the developer (no tokens). */
  sources: Array<{ id: string; kind: SourceKind; name: string; baseUrl: string }>;
  /** Stops the simulators; a no-op when none were started. */
  close(): Promise<void>;
}

const NONE: DemoSourcesHandle = { sourceIds: [], sources: [], close: async () => undefined };

/**
 * The boot's one call (server.ts): when `config.demoSources` is on, starts the simulators and
 * registers them for `config.demoCompanyId`. A failure is logged and leaves the gateway without
 * demo sources rather than stopping it: they are a convenience of development.
 */
export async function startDemoSourcesFor(config: Config, dataSource: DataSource, logger: Logger): Promise<DemoSourcesHandle> {
  if (!config.demoSources) return NONE;
  let started: StartedDemoSources | undefined;
  try {
    started = await startDemoSources();
    const ids = await registerDemoSources(dataSource, config.demoCompanyId, new CredentialsCipher(config.sourceCredentialsKey), started);
    // Ids and ports only (the log's redaction masks URLs, whose digits look like personal data),
    // never the tokens: they are secrets even here.
    const port = (url: string) => Number(new URL(url).port);
    logger.info(
      {
        tenant: config.demoCompanyId,
        crm: { id: ids.crm, port: port(started.crm.baseUrl) },
        invoicing: { id: ids.invoicing, port: port(started.invoicing.baseUrl) },
        aptic: { id: ids.aptic, port: port(started.aptic.baseUrl) },
        creditData: { id: ids.creditData, port: port(started.creditData.baseUrl) },
      },
      "demo sources started (simulated CRM, invoicing system, Aptic and credit data on 127.0.0.1)",
    );
    return {
      // Credit data last: its lookups by org number are of clients the others brought.
      sourceIds: [ids.crm, ids.invoicing, ids.aptic, ids.creditData],
      sources: [
        { id: ids.crm, kind: SourceKind.CRM, name: DEMO_SOURCE_NAMES.crm, baseUrl: started.crm.baseUrl },
        { id: ids.invoicing, kind: SourceKind.INVOICING, name: DEMO_SOURCE_NAMES.invoicing, baseUrl: started.invoicing.baseUrl },
        { id: ids.aptic, kind: SourceKind.APTIC, name: DEMO_SOURCE_NAMES.aptic, baseUrl: started.aptic.baseUrl },
        { id: ids.creditData, kind: SourceKind.CREDIT_DATA, name: DEMO_SOURCE_NAMES.creditData, baseUrl: started.creditData.baseUrl },
      ],
      close: started.close,
    };
  } catch (error) {
    await started?.close().catch(() => undefined);
    logger.warn({ error: error instanceof Error ? error.message : String(error) }, "demo sources not started");
    return NONE;
  }
}
