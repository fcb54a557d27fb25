import { hasOne, keysetPagePerParent, topPerParent } from "../common/loaders";
import { SyncIssue } from "../sync/sync-issue.entity";
import { SyncRun } from "../sync/sync-run.entity";
import { SourceSystem } from "./source-system.entity";

/** A source system by id: `source` of runs, records, field sources, data-quality issues and audit entries. */
export const sourceSystemById = hasOne("sourceSystemById", SourceSystem, { parentColumn: "id" });

/** A run by id: AuditEntry.syncRun. */
export const syncRunById = hasOne("syncRunById", SyncRun, { parentColumn: "id" });

/** A source's newest run (by queuedAt, then id): SourceSystem.lastRun. */
export const lastRunBySource = topPerParent("lastRunBySource", SyncRun, {
  parentColumn: "sourceSystemId",
  orderBy: [
    ["queuedAt", "DESC"],
    ["id", "DESC"],
  ],
});

/** Pages of a source's runs, newest first: SourceSystem.runs(first, after). */
export const runsPageBySource = keysetPagePerParent("SourceSystem.runs", SyncRun, {
  parentColumn: "sourceSystemId",
  orderBy: [
    ["queuedAt", "timestamptz"],
    ["id", "bigint"],
  ],
});

/** Pages of a run's issues, newest first: SyncRun.issues(first, after). */
export const issuesPageByRun = keysetPagePerParent("SyncRun.issues", SyncIssue, {
  parentColumn: "runId",
  orderBy: [["id", "bigint"]],
});
