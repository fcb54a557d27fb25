import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { DateTime, JSONScalar } from "../common/scalars";
import { CreatedAt, inList, StringColumn } from "../db/columns";
import { TenantEntity } from "../db/tenant-entity";
import { Client } from "../modules/client/client.entity";
import { SyncRun } from "./sync-run.entity";

/** SOURCES.md: SyncIssue.kind. */
export enum SyncIssueKind {
  CONFLICT = "CONFLICT",
  INVALID_VALUE = "INVALID_VALUE",
  SOURCE_ERROR = "SOURCE_ERROR",
  RECORD_FAILED = "RECORD_FAILED",
}

/**
 * Something a run could not apply as it was: a conflict (`sourceId` the record not applied,
 * `clientId` the client it collided with, both sides in `detail`), a value kept raw, a source's
 * refusal (its status and redacted error body in `detail`), a failed record.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "Something a run could not apply as it was" })
@Entity("sync_issue")
@Index("IDX_sync_issue_tenant_run", ["tenantId", "runId", "id"])
@Index("IDX_sync_issue_run", ["runId"])
@Index("IDX_sync_issue_client", ["clientId"])
@Check("CHK_sync_issue_kind", inList("kind", Object.values(SyncIssueKind)))
export class SyncIssue extends TenantEntity {
  @Column({ type: "bigint" })
  runId: string;

  @ManyToOne(() => SyncRun, { onDelete: "CASCADE" })
  @JoinColumn({ name: "run_id" })
  run?: SyncRun;

  @Field(() => String, { description: "CONFLICT, INVALID_VALUE (kept raw, see Client.dataQualityIssues), SOURCE_ERROR (the source refused a request), RECORD_FAILED" })
  @Column({ type: "varchar", length: 16 })
  kind: SyncIssueKind;

  /** The record's id in the source, when the issue is about one. */
  @Field(() => String, { nullable: true, description: "The record's id in the source, when the issue is about one" })
  @StringColumn(255)
  sourceId: string | null;

  @Field(() => ID, { nullable: true, description: "The client concerned (for a conflict: the one the record collided with)" })
  @Column({ type: "bigint", nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: "SET NULL" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field(() => String, { nullable: true, description: "The client field the issue concerns; null when it concerns the whole record" })
  @StringColumn(255)
  field: string | null;

  @Field(() => String, { description: "What went wrong, in words safe to show (no secret, no personal data)" })
  @Column({ type: "text" })
  message: string;

  /** Structured detail: both sides of a conflict, the source's status and redacted error body. */
  @Field(() => JSONScalar, { nullable: true, description: "Both sides of a conflict; a source's status and its error body (redacted). Personal identity numbers masked without clients:pii" })
  @Column({ type: "jsonb", nullable: true })
  detail: Record<string, unknown> | null;

  @Field(() => DateTime, { description: "When the run recorded the issue" })
  @CreatedAt()
  createdAt: Date;
}
