import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { DateTime } from "../common/scalars";
import { inList, TimestampColumn, UpdatedAt } from "../db/columns";
import { TenantEntity } from "../db/tenant-entity";
import { SourceSystem } from "../sources/source-system.entity";

/** SOURCES.md: SyncStatus. QUEUED and RUNNING are open; the others are final. */
export enum SyncStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  SUCCEEDED = "SUCCEEDED",
  PARTIAL = "PARTIAL",
  FAILED = "FAILED",
  CANCELLED = "CANCELLED",
}

registerEnumType(SyncStatus, {
  name: "SyncStatus",
  description: "QUEUED and RUNNING are open; the others are final",
  valuesConfig: {
    QUEUED: { description: "Waiting for a worker" },
    RUNNING: { description: "Being read from the source and applied" },
    SUCCEEDED: { description: "Finished; every record was applied" },
    PARTIAL: { description: "Finished, but some records failed or conflicted (see failed, conflicts and issues)" },
    FAILED: { description: "Stopped by an error (the source refused or could not be reached)" },
    CANCELLED: { description: "Stopped by cancelSync before it finished" },
  },
});

export const OPEN_SYNC_STATUSES = [SyncStatus.QUEUED, SyncStatus.RUNNING] as const;

/** A run's counters (its columns; GraphQL SyncRun's fields of those names). */
export const SYNC_COUNTERS = ["fetched", "created", "updated", "unchanged", "archived", "conflicts", "failed"] as const;
export type SyncCounter = (typeof SYNC_COUNTERS)[number];

/**
 * One sync of one source system: queued as a job (src/sync/jobs.ts, `jobId`), run, and counted.
 * A source has at most one open run (QUEUED or RUNNING): the queue runs one job per source at a
 * time, and this index keeps the runs in step with it.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "One sync of one source system, and what it did" })
@Entity("sync_run")
@Index("IDX_sync_run_tenant_source_queued", ["tenantId", "sourceSystemId", "queuedAt", "id"])
@Index("IDX_sync_run_source_system", ["sourceSystemId"])
@Index("UQ_sync_run_open_per_source", ["tenantId", "sourceSystemId"], { unique: true, where: `"status" IN ('QUEUED', 'RUNNING')` })
@Check("CHK_sync_run_status", inList("status", Object.values(SyncStatus)))
@Check("CHK_sync_run_counters", SYNC_COUNTERS.map((counter) => `"${counter}" >= 0`).join(" AND "))
@Check("CHK_sync_run_times", `("started_at" IS NULL OR "started_at" >= "queued_at") AND ("finished_at" IS NULL OR "finished_at" >= "queued_at")`)
export class SyncRun extends TenantEntity {
  @Column({ type: "bigint" })
  sourceSystemId: string;

  @ManyToOne(() => SourceSystem, { onDelete: "CASCADE" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  @Field(() => SyncStatus, { description: "Where the run is: QUEUED and RUNNING are open, the others final" })
  @Column({ type: "varchar", length: 16, default: SyncStatus.QUEUED })
  status: SyncStatus;

  /** A full run reads everything; otherwise from the source's watermark. */
  @Field(() => Boolean, { description: "A full run reads everything; otherwise from where the last run left off" })
  @Column({ type: "boolean", default: false })
  full: boolean;

  @Field(() => DateTime, { description: "When the run was queued (by startSync or the source's schedule)" })
  @Column({ type: "timestamptz", precision: 3, default: () => "now()" })
  queuedAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When a worker began the run; null while it is QUEUED" })
  @TimestampColumn()
  startedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the run ended; null while it is QUEUED or RUNNING" })
  @TimestampColumn()
  finishedAt: Date | null;

  @Field(() => Int, { description: "Number of records read from the source so far" })
  @Column({ type: "int", default: 0 })
  fetched: number;

  @Field(() => Int, { description: "Number of clients created from the source's records" })
  @Column({ type: "int", default: 0 })
  created: number;

  @Field(() => Int, { description: "Number of existing clients changed by the run" })
  @Column({ type: "int", default: 0 })
  updated: number;

  @Field(() => Int, { description: "Number of records whose content matched what the gateway already stores" })
  @Column({ type: "int", default: 0 })
  unchanged: number;

  @Field(() => Int, { description: "Number of clients archived because the source deleted or archived them" })
  @Column({ type: "int", default: 0 })
  archived: number;

  @Field(() => Int, { description: "Number of records that matched more than one client, or a client another source owns; see issues" })
  @Column({ type: "int", default: 0 })
  conflicts: number;

  @Field(() => Int, { description: "Number of records the run could not apply; see issues" })
  @Column({ type: "int", default: 0 })
  failed: number;

  /**
   * Where the run goes on after a crash or retry: the connector's position after the last
   * committed page (an offset, a cursor, the watermark so far). Written with each page's changes,
   * in their transaction; null before the first page.
   */
  @Column({ type: "jsonb", nullable: true })
  checkpoint: Record<string, unknown> | null;

  /** Why the run failed or was cancelled, in words safe to show (no secret, no personal data). */
  @Field(() => String, { nullable: true, description: "Why the run failed or was cancelled" })
  @Column({ type: "text", nullable: true })
  message: string | null;

  /** Who queued it: the token subject, or `schedule`. */
  @Field(() => String, { nullable: true, description: "Who queued it: the token's subject, or `schedule`" })
  @Column({ type: "varchar", length: 255, nullable: true })
  requestedBy: string | null;

  /**
   * The attempt that runs it now: set when a worker starts or resumes it, checked with every page
   * it commits. A worker whose attempt was taken from it (its process was found dead) stops there.
   */
  @Column({ type: "uuid", nullable: true })
  attemptToken: string | null;

  /** The running attempt's last sign of life: a run whose heartbeat stops is resumed elsewhere. */
  @TimestampColumn()
  heartbeatAt: Date | null;

  /** The pg-boss job that runs it (a UUID); null until queued. */
  @Column({ type: "uuid", nullable: true })
  jobId: string | null;

  @Field(() => DateTime, { description: "When the run's row last changed (its status or counters)" })
  @UpdatedAt()
  updatedAt: Date;
}
