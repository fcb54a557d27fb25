import { SimulatorServer, type SimRequest, type SimResponse } from "../simulator-kit";
import type { CrmClientWire, CrmDeletionStatus } from "./wire";

export interface CrmSimulatorOptions {
  /** The only bearer token accepted. */
  token: string;
  /** The only X-Company-Id accepted (another one is 403). */
  companyId: string;
  /** X-Api-Version values accepted when the header is sent (another one is 412). Default ["1"]. */
  apiVersions?: string[];
  /** The clients it starts with (copied). */
  records?: CrmClientWire[];
}

const FILTER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "bt"] as const;
type FilterOp = (typeof FILTER_OPS)[number];

/**
 * The CRM's client API (001/002) over HTTP on a loopback port, from an in-memory list of clients
 * that a test or the demo changes (`records`, `upsert`, `remove`): listing by limit/offset in id
 * order, the updated_at and deleted_at filters (eq neq gt gte lt lte in nin bt), deleted
 * exclude/include/only, include=externalIdentifiers, the detail, 404 not_found, 400 invalid_data
 * with failures, the bearer token and company checks (401/403), and the kit's faults (`server`).
 */
export class CrmSimulator {
  records: CrmClientWire[];

  private constructor(
    readonly server: SimulatorServer,
    private readonly options: CrmSimulatorOptions,
    records: CrmClientWire[],
  ) {
    this.records = records;
  }

  static async start(options: CrmSimulatorOptions): Promise<CrmSimulator> {
    let self: CrmSimulator | undefined;
    const server = await SimulatorServer.start((request) => self!.handle(request));
    self = new CrmSimulator(server, options, structuredClone(options.records ?? []));
    return self;
  }

  get url(): string {
    return this.server.url;
  }

  /** Adds or replaces a client (by id); `updated_at` is now unless the record says otherwise. */
  upsert(record: Partial<CrmClientWire> & { id: number }, at: Date = new Date()): CrmClientWire {
    const now = at.toISOString();
    const existing = this.records.find((r) => Number(r.id) === record.id);
    const next: CrmClientWire = { ...(existing ?? { created_at: now, external_identifiers: [], deleted_at: null }), ...structuredClone(record), updated_at: record.updated_at ?? now };
    if (existing) this.records[this.records.indexOf(existing)] = next;
    else this.records.push(next);
    return next;
  }

  /** Soft-deletes a client as the CRM does: `deleted_at` and `updated_at` set. */
  remove(id: number, at: Date = new Date()): void {
    const record = this.records.find((r) => Number(r.id) === id);
    if (record) Object.assign(record, { deleted_at: at.toISOString(), updated_at: at.toISOString() });
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private handle(request: SimRequest): SimResponse {
    if (request.method !== "GET") return error(405, "method_not_allowed", "Only GET is simulated");
    if (request.headers.authorization !== `Bearer ${this.options.token}`) return error(401, "unauthorized", "Missing or invalid bearer token");
    if (request.headers["x-company-id"] !== this.options.companyId) return error(403, "forbidden", "You cannot access this company");
    const version = request.headers["x-api-version"];
    if (typeof version === "string" && !(this.options.apiVersions ?? ["1"]).includes(version)) return error(412, "precondition_failure", `Unsupported API version ${version}`);

    const failures: Array<{ field: string; message: string }> = [];
    const deleted = (request.query.get("deleted") ?? "exclude") as CrmDeletionStatus;
    if (!["exclude", "include", "only"].includes(deleted)) failures.push({ field: "deleted", message: "Must be one of exclude, include, only" });
    const include = request.query.get("include");
    if (include !== null && include !== "externalIdentifiers") failures.push({ field: "include", message: "Possible values: externalIdentifiers" });

    if (request.path === "/api/clients") {
      const limit = integer(request.query.get("limit") ?? "100");
      const offset = integer(request.query.get("offset") ?? "0");
      if (limit === null || limit < 1 || limit > 100) failures.push({ field: "limit", message: "Must be between 1 and 100" });
      if (offset === null || offset < 0) failures.push({ field: "offset", message: "Must be 0 or more" });
      const filters = (["updated_at", "deleted_at"] as const).map((field) => {
        const raw = request.query.get(field);
        if (raw === null) return () => true;
        const test = filter(raw);
        if (!test) failures.push({ field, message: `Not a filter: use ${FILTER_OPS.join("|")}:{value}` });
        return (record: CrmClientWire) => (test ? test(record[field] ?? null) : true);
      });
      if (failures.length > 0) return invalid(failures);
      const rows = [...this.records]
        .sort((a, b) => Number(a.id) - Number(b.id))
        .filter((r) => matchesDeleted(r, deleted))
        .filter((r) => filters.every((f) => f(r)))
        .slice(offset!, offset! + limit!);
      return { status: 200, body: rows.map((r) => present(r, include !== null)) };
    }
    const detail = /^\/api\/clients\/([^/]+)$/.exec(request.path);
    if (detail) {
      if (!/^[0-9]+$/.test(detail[1])) failures.push({ field: "id", message: "Must match [0-9]+" });
      if (failures.length > 0) return invalid(failures);
      const record = this.records.find((r) => String(r.id) === String(Number(detail[1])));
      if (!record || !matchesDeleted(record, deleted)) return error(404, "not_found", "Client not found");
      return { status: 200, body: present(record, include !== null) };
    }
    return error(404, "not_found", "No such route");
  }
}

function present(record: CrmClientWire, withIdentifiers: boolean): CrmClientWire {
  const copy = structuredClone(record);
  if (!withIdentifiers) delete copy.external_identifiers;
  return copy;
}

function matchesDeleted(record: CrmClientWire, status: CrmDeletionStatus): boolean {
  const isDeleted = record.deleted_at !== null && record.deleted_at !== undefined;
  return status === "include" || (status === "only" ? isDeleted : !isDeleted);
}

const integer = (value: string): number | null => (/^-?\d+$/.test(value) ? Number(value) : null);

/** A filter `op:value[,value]` over instants; null when it is not one. */
function filter(raw: string): ((value: unknown) => boolean) | null {
  const at = raw.indexOf(":");
  if (at < 0) return null;
  const op = raw.slice(0, at) as FilterOp;
  if (!FILTER_OPS.includes(op)) return null;
  const operands = raw.slice(at + 1).split(",").map((v) => Date.parse(v));
  if (operands.some(Number.isNaN) || operands.length === 0) return null;
  if (op === "bt" && operands.length !== 2) return null;
  const [a, b] = operands;
  return (value) => {
    const t = typeof value === "string" ? Date.parse(value) : NaN;
    if (Number.isNaN(t)) return op === "neq" || op === "nin";
    switch (op) {
      case "eq": return t === a;
      case "neq": return t !== a;
      case "gt": return t > a;
      case "gte": return t >= a;
      case "lt": return t < a;
      case "lte": return t <= a;
      case "in": return operands.includes(t);
      case "nin": return !operands.includes(t);
      case "bt": return t >= a && t <= b;
    }
  };
}

function error(status: number, key: string, message: string): SimResponse {
  return { status, body: { key, message } };
}

function invalid(failures: Array<{ field: string; message: string }>): SimResponse {
  return { status: 400, body: { key: "invalid_data", message: "You provided invalid data. Check 'failures' for details.", failures } };
}
