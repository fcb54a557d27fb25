import { SimulatorServer, type SimRequest, type SimResponse } from "../simulator-kit";
import type { InvoicingCustomerListItemWire, InvoicingCustomerWire, InvoicingInvoiceWire } from "./wire";

/** A customer as the simulator stores it: the full record and all its invoices, open or not. */
export type InvoicingSimCustomer = InvoicingCustomerWire;

export interface InvoicingSimulatorOptions {
  token: string;
  /** The only company the token may read (another one answers 403). */
  companyId: string;
  apiVersion?: string;
  customers?: InvoicingSimCustomer[];
}

/** The fields a list item shows (004's list example, plus country and updated_at). */
const LIST_FIELDS = ["id", "name", "customer_type", "email", "org_number", "vat_number", "default_payment_terms", "archived_at", "created_at", "country", "updated_at"] as const;
const OPEN = new Set(["sent", "partially_paid", "overdue"]);
const INVOICE_FIELDS = ["id", "invoice_number", "status", "currency", "total_amount", "open_amount", "issue_date", "due_date"] as const;

/**
 * The invoicing system's customers API (004) over HTTP on a loopback port, from an in-memory list
 * a test or the demo changes: the cursor listing in created-first order with `include_archived`,
 * personnummer masked in lists, the detail with `?expand=invoices` (open invoices only), `{data,
 * meta}` envelopes, `{error: {code, message}, meta}` errors (401, 403, 404 NOT_FOUND, 400
 * VALIDATION_ERROR), and the kit's faults (`server`). Changing an invoice does not touch its
 * customer's `updated_at`, as in the real system.
 */
export class InvoicingSimulator {
  customers: InvoicingSimCustomer[];
  private requestCount = 0;

  private constructor(
    readonly server: SimulatorServer,
    private readonly options: InvoicingSimulatorOptions,
  ) {
    this.customers = structuredClone(options.customers ?? []);
  }

  static async start(options: InvoicingSimulatorOptions): Promise<InvoicingSimulator> {
    let self: InvoicingSimulator | undefined;
    const server = await SimulatorServer.start((request) => self!.handle(request));
    self = new InvoicingSimulator(server, options);
    return self;
  }

  get url(): string {
    return this.server.url;
  }

  /** Adds or replaces a customer by id; `updated_at` is `at` unless given. */
  upsert(customer: Partial<InvoicingSimCustomer> & { id: string }, at: Date = new Date()): InvoicingSimCustomer {
    const now = at.toISOString();
    const existing = this.customers.find((c) => c.id === customer.id);
    const next: InvoicingSimCustomer = { ...(existing ?? { created_at: now, archived_at: null, invoices: [] }), ...structuredClone(customer), updated_at: customer.updated_at ?? now };
    if (existing) this.customers[this.customers.indexOf(existing)] = next;
    else this.customers.push(next);
    return next;
  }

  /** Archives (soft-deletes) a customer: archived_at and updated_at set. */
  archive(id: string, at: Date = new Date()): void {
    const customer = this.customers.find((c) => c.id === id);
    if (customer) Object.assign(customer, { archived_at: at.toISOString(), updated_at: at.toISOString() });
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private meta(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { request_id: `req_${++this.requestCount}`, api_version: this.options.apiVersion ?? "2026-05-12", ...extra };
  }

  private error(status: number, code: string, message: string): SimResponse {
    return { status, body: { error: { code, message }, meta: this.meta() } };
  }

  private handle(request: SimRequest): SimResponse {
    if (request.method !== "GET") return this.error(405, "METHOD_NOT_ALLOWED", "Only GET is simulated");
    if (request.headers.authorization !== `Bearer ${this.options.token}`) return this.error(401, "UNAUTHORIZED", "Missing or invalid bearer token");
    const route = /^\/api\/v1\/companies\/([^/]+)\/customers(?:\/([^/]+))?$/.exec(request.path);
    if (!route) return this.error(404, "NOT_FOUND", "No such route");
    if (route[1] !== this.options.companyId) return this.error(403, "FORBIDDEN", "The token has no access to this company");
    if (route[2] !== undefined) return this.detail(route[2], request.query.get("expand") === "invoices");

    const limit = /^\d+$/.test(request.query.get("limit") ?? "25") ? Number(request.query.get("limit") ?? "25") : NaN;
    if (!(limit >= 1 && limit <= 100)) return this.error(400, "VALIDATION_ERROR", "limit must be 1..100");
    const cursor = request.query.get("cursor");
    const offset = cursor === null ? 0 : decodeCursor(cursor);
    if (offset === null) return this.error(400, "VALIDATION_ERROR", "cursor is not valid");
    const includeArchived = request.query.get("include_archived") === "true";
    const rows = [...this.customers]
      .sort((a, b) => String(a.created_at ?? "").localeCompare(String(b.created_at ?? "")) || a.id.localeCompare(b.id))
      .filter((c) => includeArchived || c.archived_at === null || c.archived_at === undefined);
    const page = rows.slice(offset, offset + limit).map(listItem);
    const next = offset + limit < rows.length ? encodeCursor(offset + limit) : null;
    return { status: 200, body: { data: page, meta: this.meta({ next_cursor: next }) } };
  }

  private detail(id: string, expand: boolean): SimResponse {
    const customer = this.customers.find((c) => c.id === id);
    if (!customer) return this.error(404, "NOT_FOUND", "Customer not found");
    const data: InvoicingCustomerWire = structuredClone(customer);
    const invoices = data.invoices;
    delete data.invoices;
    if (expand) {
      data.invoices = (invoices ?? []).filter((i) => OPEN.has(String(i.status))).map((i) => Object.fromEntries(INVOICE_FIELDS.map((k) => [k, i[k]])) as InvoicingInvoiceWire);
    }
    return { status: 200, body: { data, meta: this.meta() } };
  }
}

function listItem(customer: InvoicingSimCustomer): InvoicingCustomerListItemWire {
  const item = Object.fromEntries(LIST_FIELDS.filter((k) => k in customer).map((k) => [k, structuredClone(customer[k])])) as InvoicingCustomerListItemWire;
  if (customer.customer_type === "individual" && typeof item.org_number === "string") item.org_number = item.org_number.replace(/\d{4}$/, "****");
  return item;
}

const encodeCursor = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");

function decodeCursor(cursor: string): number | null {
  try {
    const o = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown }).o;
    return typeof o === "number" && Number.isInteger(o) && o >= 0 ? o : null;
  } catch {
    return null;
  }
}
