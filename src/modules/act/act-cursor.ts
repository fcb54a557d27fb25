import { badUserInput } from "../../common/errors";
import { isBigintId } from "../../common/validation/checksums";
import type { CursorCodec } from "../../common/pagination/cursor";
import type { Act } from "./act.entity";

/** A position in a client's acts, newest first: the periodEnd and id of the last act seen. */
export interface ActCursor {
  periodEnd: string;
  id: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return DATE.test(value) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Acts have one order and no filter: their cursors are bound to the list only. */
const ACT_SCOPE = { list: "Client.acts", order: "periodEnd DESC,id DESC" };

export const encodeActCursor = (cursors: CursorCodec, act: Act): string => cursors.encode([act.periodEnd, act.id], ACT_SCOPE);

/** Decodes `after` (or `before`); a cursor of another list, or one with impossible values, is BAD_USER_INPUT. */
export function decodeActCursor(cursors: CursorCodec, cursor: string, argument: "after" | "before" = "after"): ActCursor {
  const [periodEnd, id] = cursors.decode(cursor, 2, argument, ACT_SCOPE);
  if (typeof periodEnd !== "string" || !isDate(periodEnd) || typeof id !== "string" || !isBigintId(id)) {
    throw badUserInput(`"${argument}" is not a cursor of this list`, argument);
  }
  return { periodEnd, id };
}
