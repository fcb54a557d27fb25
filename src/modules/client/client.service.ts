import { lazyPage } from "../../common/pagination/page";
import { badUserInput } from "../../common/errors";
import { compileFilter, escapeLike, SqlParams } from "../../common/filters/compile";
import type { CursorCodec, CursorScope } from "../../common/pagination/cursor";
import { keysetWindow, windowPage, windowSql } from "../../common/pagination/window";
import { cursorValuesOf, KeysetColumn } from "../../common/pagination/keyset";
import { carriesSwedishPersonalNumber, normaliseOrgNumber } from "../../common/validation/checksums";
import { entityColumns, queryEntities } from "../../db/hydrate";
import type { TenantSession } from "../../db/tenant-session";
import { ClientConnection } from "./client.connection";
import { Client } from "./client.entity";
import { ClientType } from "./client.enums";
import { clientFilterColumns, ClientFilter, DeletionFilter, PERSONAL_WITHOUT_PII } from "./client.filters";
import { CLIENT_SORT_COLUMNS, ClientOrder, ClientOrderField, DEFAULT_CLIENT_ORDER, SortDirection } from "./client.order";
import { isBigintId } from "../../common/validation/checksums";

export interface ListClientsArgs {
  /** The caller has clients:pii: individuals can be found by their personnummer. */
  pii: boolean;
  filter?: ClientFilter | null;
  search?: string | null;
  deleted?: DeletionFilter | null;
  orderBy?: ClientOrder[] | null;
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  offset?: number | null;
}

/** A clients cursor is bound to its effective order and to the filter, search and deletion arguments. */
function clientCursorScope(keyset: KeysetColumn[], args: ListClientsArgs): CursorScope {
  return {
    list: "clients",
    order: keyset.map((c) => `${c.sql} ${c.direction}`).join(","),
    filter: { filter: args.filter, search: args.search?.trim() || null, deleted: args.deleted ?? DeletionFilter.EXCLUDE },
  };
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/** Reads clients for one tenant. Every query runs in the request's session (RLS + explicit tenant). */
export class ClientService {
  async findById(session: TenantSession, id: string): Promise<Client | null> {
    if (!isBigintId(id)) return null;
    return this.findOne(session, `c."id" = $2::bigint`, [id]);
  }

  async findByUniqueId(session: TenantSession, uniqueId: string): Promise<Client | null> {
    return this.findOne(session, `c."unique_id" = $2::uuid`, [uniqueId]);
  }

  /** Without `pii` (clients:pii) an INDIVIDUAL is never found by its org number, a personnummer. */
  async findByOrgNumber(session: TenantSession, orgNumber: string, countryCode: string | null | undefined, pii: boolean): Promise<Client | null> {
    const normalised = normaliseOrgNumber(orgNumber);
    if (!normalised) return null;
    const manager = await session.manager();
    const params: unknown[] = [session.tenantId, normalised];
    let sql = `SELECT ${entityColumns(manager, Client, "c")} FROM "client" c WHERE c."tenant_id" = $1 AND c."org_number" = $2`;
    if (!pii) sql += ` AND c."client_type" <> 'INDIVIDUAL'`;
    if (countryCode) {
      params.push(countryCode.toUpperCase());
      sql += ` AND c."country_code" = $3`;
    }
    const rows = await queryEntities(manager, Client, `${sql} ORDER BY c."id" LIMIT 2`, params);
    if (rows.length > 1) {
      throw badUserInput("Clients in several countries have this org number: pass countryCode", "countryCode");
    }
    return rows[0] ?? null;
  }

  /** Without `pii` (clients:pii) an identifier that carries a personnummer finds nothing: it would be a lookup by personnummer. */
  async findByExternalId(session: TenantSession, source: string, externalId: string, pii: boolean): Promise<Client | null> {
    if (!pii && carriesSwedishPersonalNumber(externalId)) return null;
    return this.findOne(
      session,
      `c."id" = (SELECT e."client_id" FROM "external_identifier" e
                 WHERE e."tenant_id" = $1 AND e."source" = $2 AND e."external_id" = $3 AND e."deleted_at" IS NULL)`,
      [source, externalId],
    );
  }

  /** A page of clients: keyset paging forward (`first`, `after`) or backward (`last`, `before`), or offset paging. */
  async list(session: TenantSession, cursors: CursorCodec, args: ListClientsArgs): Promise<ClientConnection> {
    const keyset = this.keysetColumns(args.orderBy, args.pii);
    const properties = keyset.map((k) => k.property);
    const scope = clientCursorScope(keyset, args);
    const window = keysetWindow(args, { defaultSize: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE }, cursors, keyset.length, scope);
    const params = new SqlParams([session.tenantId]);
    const where = this.whereClause(args, params);
    const countParams = [...params.values];
    const { conditions, orderBy } = windowSql(keyset, window, params);
    const limit = params.add(window.size + 1);
    const offset = window.offset ? ` OFFSET ${params.add(window.offset)}` : "";
    const manager = await session.manager();
    const sql = `SELECT ${entityColumns(manager, Client, "c")} FROM "client" c WHERE ${[where, ...conditions].join(" AND ")}
      ORDER BY ${orderBy} LIMIT ${limit}${offset}`;
    const { nodes, ...more } = windowPage(await queryEntities(manager, Client, sql, params.values), window);
    // Without clients:pii an individual sorts with a NULL org number, and its cursor says so.
    const sortable = (node: Client) => (args.pii || node.clientType !== ClientType.INDIVIDUAL ? node : { ...node, orgNumber: null });
    const connection = Object.assign(
      new ClientConnection(),
      lazyPage(nodes, (node) => cursors.encode(cursorValuesOf(sortable(node) as never, properties), scope), more),
    );
    connection.count = async () => {
      const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM "client" c WHERE ${where}`, countParams)) as {
        count: number;
      }[];
      return count;
    };
    return connection;
  }

  private whereClause(args: ListClientsArgs, params: SqlParams): string {
    const parts = [`c."tenant_id" = $1`];
    switch (args.deleted ?? DeletionFilter.EXCLUDE) {
      case DeletionFilter.EXCLUDE: parts.push(`c."archived_at" IS NULL`); break;
      case DeletionFilter.ONLY: parts.push(`c."archived_at" IS NOT NULL`); break;
      case DeletionFilter.INCLUDE: break;
    }
    parts.push(compileFilter(args.filter as never, clientFilterColumns(args.pii), params));
    const search = args.search?.trim();
    if (search) {
      const text = params.add(`%${escapeLike(search)}%`);
      const names = [`c."name" ILIKE ${text}`, `c."legal_name" ILIKE ${text}`, `c."informal_name" ILIKE ${text}`];
      const digits = normaliseOrgNumber(search);
      const orgNumber = args.pii ? `c."org_number"` : PERSONAL_WITHOUT_PII("org_number");
      if (digits) names.push(`${orgNumber} ILIKE ${params.add(`%${escapeLike(digits)}%`)}`);
      parts.push(`(${names.join(" OR ")})`);
    }
    return parts.join(" AND ");
  }

  private keysetColumns(orderBy: ClientOrder[] | null | undefined, pii: boolean): (KeysetColumn & { property: string })[] {
    const order = orderBy && orderBy.length > 0 ? orderBy : DEFAULT_CLIENT_ORDER;
    if (order.length > 4) throw badUserInput("orderBy takes at most 4 keys", "orderBy");
    const seen = new Set<ClientOrderField>();
    const columns = order.map((o, i) => {
      if (seen.has(o.field)) throw badUserInput(`orderBy.${i}: ${o.field} is given twice`, `orderBy.${i}.field`);
      seen.add(o.field);
      const column = CLIENT_SORT_COLUMNS[o.field];
      // An individual's org number is a personnummer: ordering by it would let a caller without
      // clients:pii bisect the masked digits, so for such a caller individuals sort as NULL.
      const sql = o.field === ClientOrderField.ORG_NUMBER && !pii ? PERSONAL_WITHOUT_PII("org_number") : column.sql;
      return { ...column, sql, direction: o.direction ?? SortDirection.ASC };
    });
    // The id makes the order total, so a cursor names exactly one position. It follows the last
    // key's direction: an order all one way is a single row comparison an index answers.
    if (!seen.has(ClientOrderField.ID)) columns.push({ ...CLIENT_SORT_COLUMNS.ID, direction: columns[columns.length - 1].direction });
    return columns;
  }

  private async findOne(session: TenantSession, condition: string, extra: unknown[]): Promise<Client | null> {
    const manager = await session.manager();
    const sql = `SELECT ${entityColumns(manager, Client, "c")} FROM "client" c WHERE c."tenant_id" = $1 AND ${condition}`;
    return (await queryEntities(manager, Client, sql, [session.tenantId, ...extra]))[0] ?? null;
  }
}

export const clientService = new ClientService();
