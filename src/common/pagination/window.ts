import { badUserInput } from "../errors";
import type { SqlParams } from "../filters/compile";
import type { CursorCodec, CursorScope, CursorValues } from "./cursor";
import { KeysetColumn, keysetCondition, orderByClause, reverseKeyset } from "./keyset";
import { assertPageSize } from "./page-size";
import type { PageKey, TenantKey } from "../loaders";

/** Relay's paging arguments as a connection takes them (offset where the connection has it). */
export interface WindowArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  offset?: number | null;
}

/**
 * Which rows a page of a keyset-ordered connection is, from Relay's arguments: the rows after
 * `after` and before `before`, the first `first` of them or, when `last` is given, the last
 * `last`. `first` keeps its schema default (the API fixes `first: Int = 25`), so with `last` a
 * `first` other than that default is refused (Relay discourages both and no client sends them);
 * the default itself can't be told from no `first` and is ignored. `first: null` is no `first`
 * (the default page). `offset` pages forward only.
 */
export interface PageWindow {
  size: number;
  /** Read the rows nearest the end first (reversed order), then turn them round. */
  backward: boolean;
  after: CursorValues | null;
  before: CursorValues | null;
  offset: number;
}

export function pageWindow(args: WindowArgs, limits: { defaultSize: number; max: number }, decode: (cursor: string, argument: "after" | "before") => CursorValues): PageWindow {
  const backward = args.last != null;
  if (backward && args.first != null && args.first !== limits.defaultSize) throw badUserInput("Use first or last, not both", "last");
  const offset = args.offset ?? 0;
  if (args.offset != null) {
    if (args.after != null) throw badUserInput("Use either after (cursor paging) or offset (offset paging), not both", "offset");
    if (args.last != null || args.before != null) throw badUserInput("offset pages forward only: not with last or before", "offset");
    if (!Number.isInteger(args.offset) || args.offset < 0) throw badUserInput("offset must be 0 or more", "offset");
  }
  const size = backward ? assertPageSize(args.last, limits.max, "last") : assertPageSize(args.first ?? limits.defaultSize, limits.max);
  return {
    size,
    backward,
    after: args.after != null ? decode(args.after, "after") : null,
    before: args.before != null ? decode(args.before, "before") : null,
    offset,
  };
}

/** `pageWindow` with a connection's cursor codec and scope: the cursor holds one value per keyset column. */
export function keysetWindow(args: WindowArgs, limits: { defaultSize: number; max: number }, cursors: CursorCodec, columns: number, scope: CursorScope): PageWindow {
  return pageWindow(args, limits, (cursor, argument) => cursors.decode(cursor, columns, argument, scope));
}

/** The WHERE conditions (none: `[]`) and the ORDER BY of a window over `keyset` (the forward order). */
export function windowSql(keyset: KeysetColumn[], window: PageWindow, params: SqlParams): { conditions: string[]; orderBy: string } {
  const conditions: string[] = [];
  if (window.after) conditions.push(keysetCondition(keyset, window.after, params, "after"));
  if (window.before) conditions.push(keysetCondition(reverseKeyset(keyset), window.before, params, "before"));
  return { conditions, orderBy: orderByClause(window.backward ? reverseKeyset(keyset) : keyset) };
}

/**
 * A window's page from the rows read (at most size + 1, in the window's reading order): the page
 * in the connection's order, and whether there are rows on either side of it.
 */
export function windowPage<T>(rows: T[], window: PageWindow): { nodes: T[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  const more = rows.length > window.size;
  const nodes = rows.slice(0, window.size);
  if (!window.backward) return { nodes, hasNextPage: more || window.before !== null, hasPreviousPage: window.after !== null || window.offset > 0 };
  return { nodes: nodes.reverse(), hasNextPage: window.before !== null, hasPreviousPage: more || window.after !== null };
}

/** A keysetPagePerParent loader's key for a window of one parent's rows (history, acts). */
export function pageKeyOf(parent: TenantKey, window: PageWindow): PageKey {
  return { ...parent, first: window.size, after: window.after as string[] | null, before: window.before as string[] | null, backward: window.backward };
}
