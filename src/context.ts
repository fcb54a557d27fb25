import type { IncomingHttpHeaders } from "node:http";
import type { DataSource } from "typeorm";
import type { Config } from "./config";
import type { Caller, TokenVerifier } from "./auth/jwt";
import { bearerChallenge, forbidden, GatewayError, RequestErrorCode, unauthenticated, withHttpStatus } from "./common/errors";
import { RequestLoaders } from "./common/loaders";
import type { CursorCodec } from "./common/pagination/cursor";
import { TenantSession } from "./db/tenant-session";
import type { ConnectionGate, PermitSource } from "./db/connection-gate";
import { Logger, logInternalError } from "./common/log";
import type { MutationEnvironment } from "./common/mutation/pipeline";
import type { OpenedClientsRecorder } from "./modules/favourite/opened-clients.recorder";
import type { RequestPlan } from "./common/prefetch";
import type { SyncControl } from "./sync/runs";
import type { ReadReplicas } from "./db/replicas/read-replicas";

/** What every resolver of one request gets: who calls, for which tenant, and its database session. */
export interface RequestContext {
  requestId: string;
  /** When the request arrived (process.hrtime), for the request's log line. */
  startedAt: bigint;
  caller: Caller;
  tenantId: string;
  session: TenantSession;
  /** Permits of the pool's fair share, counted for this tenant and this caller (write transactions take theirs here). */
  permits: PermitSource;
  loaders: RequestLoaders;
  /**
   * A query's plan of reads (src/common/prefetch.ts), made when its first root field runs: null
   * when the operation can't be planned, undefined before (and in a mutation).
   */
  plan?: RequestPlan | null;
  /** Seals and opens the paging cursors of this server. */
  cursors: CursorCodec;
  /** What mutations write with (the pipeline's environment). */
  mutations: MutationEnvironment;
  /** Notes the clients the caller opens (written later, outside the request). */
  openedClients: OpenedClientsRecorder;
  /** The sync machinery of this process: startSync nudges it after its run is committed. */
  sync: SyncControl;
  /** After a committed write: the next read opens a new snapshot, and loaders forget their cache. */
  renewReads(): Promise<void>;
  /** Before a write: ends the read transaction and holds reads until the returned function is called. */
  pauseReads(): Promise<() => void>;
  /** Logs an unexpected error that is handled (not returned to the caller), with the request id. */
  logError(error: unknown): void;
  /** Set once the request's log line is written (so it is written once). */
  reportMarker: { reported?: boolean; executing?: boolean };
}

export interface ContextDeps {
  config: Config;
  tokens: TokenVerifier;
  dataSource: DataSource;
  cursors: CursorCodec;
  mutations: MutationEnvironment;
  openedClients: OpenedClientsRecorder;
  sync: SyncControl;
  logger: Logger;
  /** The tenants' fair share of the pool. */
  gate: ConnectionGate;
  /** DATABASE_READ_URL's replicas, for query operations; undefined without. */
  replicas?: ReadReplicas;
}

const TENANT_ID = /^[A-Za-z0-9_-]{1,64}$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Authenticates the caller, picks the tenant from `X-Company-Id` (one of the token's companies)
 * and opens nothing yet: the database transaction starts on the first query.
 */
export async function createContext(
  deps: ContextDeps,
  headers: IncomingHttpHeaders,
  { requestId, startedAt, reportMarker = {} }: { requestId: string; startedAt: bigint; reportMarker?: { reported?: boolean } },
): Promise<RequestContext> {
  const authorization = header(headers, "authorization");
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (!match) throw withHttpStatus(unauthenticated(), 401, bearerChallenge(authorization !== undefined && authorization.trim() !== ""));
  let caller: Caller;
  try {
    caller = await deps.tokens.verify(match[1]);
  } catch (error) {
    throw error instanceof GatewayError && error.code === RequestErrorCode.UNAUTHENTICATED ? withHttpStatus(error, 401, bearerChallenge(true)) : error;
  }
  const tenantId = header(headers, "x-company-id")?.trim();
  if (!tenantId) {
    throw withHttpStatus(new GatewayError(RequestErrorCode.BAD_USER_INPUT, "The X-Company-Id header is required"), 400);
  }
  if (!TENANT_ID.test(tenantId) || !caller.companies.includes(tenantId)) {
    throw withHttpStatus(forbidden("Your token does not allow this company"), 403);
  }
  const permits: PermitSource = { acquire: (tenant) => deps.gate.acquire(tenant, caller.subject) };
  const session = new TenantSession(
    deps.dataSource,
    tenantId,
    permits,
    () => deps.logger.warn({ requestId }, "read after the request released its connection: a field the read plan did not foresee"),
    deps.replicas && { replicas: deps.replicas, subject: caller.subject },
  );
  const loaders = new RequestLoaders(session);
  return {
    requestId,
    startedAt,
    caller,
    tenantId,
    session,
    permits,
    loaders,
    cursors: deps.cursors,
    mutations: deps.mutations,
    openedClients: deps.openedClients,
    sync: deps.sync,
    renewReads: async () => {
      await session.renew();
      loaders.clear();
    },
    pauseReads: async () => {
      const resume = await session.pauseReads();
      loaders.clear();
      return resume;
    },
    logError: (error) => logInternalError(deps.logger, requestId, error),
    reportMarker,
  };
}
