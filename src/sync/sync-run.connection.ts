import { Field, ObjectType } from "type-graphql";
import { badUserInput } from "../common/errors";
import type { CursorCodec } from "../common/pagination/cursor";
import { PageInfo } from "../common/pagination/page-info";
import { isBigintId } from "../common/validation/checksums";
import { SyncIssue } from "./sync-issue.entity";
import { SyncRun } from "./sync-run.entity";

@ObjectType({ description: "A run and its cursor" })
export class SyncRunEdge {
  @Field({ description: "Opaque cursor of this item: pass it as after to read the items that follow it" }) cursor: string;
  @Field(() => SyncRun, { description: "The item" }) node: SyncRun;
}

@ObjectType({ description: "A page of a source's runs, newest first" })
export class SyncRunConnection {
  @Field(() => [SyncRunEdge], { description: "The page's items, each with its cursor" }) edges: SyncRunEdge[];
  @Field(() => [SyncRun], { description: "The page's items, in order, without cursors" }) nodes: SyncRun[];
  @Field(() => PageInfo, { description: "Whether more items follow or precede, and the cursors at the page's ends" }) pageInfo: PageInfo;
}

@ObjectType({ description: "An issue and its cursor" })
export class SyncIssueEdge {
  @Field({ description: "Opaque cursor of this item: pass it as after to read the items that follow it" }) cursor: string;
  @Field(() => SyncIssue, { description: "The item" }) node: SyncIssue;
}

@ObjectType({ description: "A page of a run's issues, newest first" })
export class SyncIssueConnection {
  @Field(() => [SyncIssueEdge], { description: "The page's items, each with its cursor" }) edges: SyncIssueEdge[];
  @Field(() => [SyncIssue], { description: "The page's items, in order, without cursors" }) nodes: SyncIssue[];
  @Field(() => PageInfo, { description: "Whether more items follow or precede, and the cursors at the page's ends" }) pageInfo: PageInfo;
}

const notOurs = () => badUserInput('"after" is not a cursor of this list', "after");

/** Runs have one order and no filter: their cursors are bound to the list only. */
const RUN_SCOPE = { list: "SourceSystem.runs", order: "queuedAt DESC,id DESC" };

/** A run's position in its source's runs: queuedAt and id. */
export const encodeRunCursor = (cursors: CursorCodec, run: SyncRun): string => cursors.encode([run.queuedAt.toISOString(), run.id], RUN_SCOPE);

export function decodeRunCursor(cursors: CursorCodec, after: string): string[] {
  const [queuedAt, id] = cursors.decode(after, 2, "after", RUN_SCOPE);
  if (typeof queuedAt !== "string" || Number.isNaN(Date.parse(queuedAt)) || typeof id !== "string" || !isBigintId(id)) throw notOurs();
  return [queuedAt, id];
}

/** An issue's position in its run's issues: its id (a one-element list, as the codec takes). */
export const encodeIssueCursor = (cursors: CursorCodec, issue: SyncIssue): string => cursors.encode(["issue", issue.id]);

export function decodeIssueCursor(cursors: CursorCodec, after: string): string[] {
  const [tag, id] = cursors.decode(after, 2);
  if (tag !== "issue" || typeof id !== "string" || !isBigintId(id)) throw notOurs();
  return [id];
}
