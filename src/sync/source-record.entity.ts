import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { DateTime } from "../common/scalars";
import { TimestampColumn } from "../db/columns";
import { TenantEntity } from "../db/tenant-entity";
import { Client } from "../modules/client/client.entity";
import { SourceSystem } from "../sources/source-system.entity";
import { SyncRun } from "./sync-run.entity";

/** A refused value of a record (src/sources/source-record.ts DataQualityIssue, as stored). */
export interface SourceRecordIssue {
  field: string;
  sourceField: string;
  value: string | null;
  message: string;
}

/**
 * A client's record in one source system: the link (source system + the source's id) that
 * reconciliation follows first, and the record as the source last sent it, whole (`raw`: nothing a
 * source sends is dropped, refused values included). One per source id (a record is one client),
 * and one per client and source (a second record of one source matching the client is a conflict).
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A client's record in one source system: the link reconciliation follows" })
@Entity("source_record")
@Index("UQ_source_record_tenant_source_system_source_id", ["tenantId", "sourceSystemId", "sourceId"], { unique: true })
@Index("UQ_source_record_tenant_client_source_system", ["tenantId", "clientId", "sourceSystemId"], { unique: true })
@Index("IDX_source_record_client", ["clientId"])
@Index("IDX_source_record_source_system", ["sourceSystemId"])
@Index("IDX_source_record_last_run", ["lastRunId"])
export class SourceRecord extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Column({ type: "bigint" })
  sourceSystemId: string;

  @ManyToOne(() => SourceSystem, { onDelete: "CASCADE" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  /** The record's id in the source (the CRM's id, Aptic's uniqueId, ...). */
  @Field(() => String, { description: "The record's id in the source (the CRM's id, Aptic's uniqueId, ...)" })
  @Column({ type: "varchar", length: 255 })
  sourceId: string;

  /** The source's own change time, where it has one (Aptic has none). */
  @Field(() => DateTime, { nullable: true, description: "The source's own change time, where it has one" })
  @TimestampColumn()
  sourceUpdatedAt: Date | null;

  /** The source's own creation time, where it sends one. */
  @Field(() => DateTime, { nullable: true, description: "When the source says the record was created; null when it does not say" })
  @TimestampColumn()
  sourceCreatedAt: Date | null;

  @Field(() => DateTime, { description: "When a sync last read this record from the source" })
  @Column({ type: "timestamptz", precision: 3 })
  lastSyncedAt: Date;

  /** Deleted or archived in the source (the CRM's deleted_at, invoicing's archived_at, gone from Aptic's listing). */
  @Field(() => Boolean, { description: "Deleted or archived in the source" })
  @Column({ type: "boolean", default: false })
  deletedInSource: boolean;

  /** SHA-256 (hex) of what the gateway stores from the record: an unchanged record is skipped. */
  @Column({ type: "char", length: 64 })
  contentHash: string;

  /** The record as the source sent it. */
  @Column({ type: "jsonb" })
  raw: Record<string, unknown>;

  /**
   * The values of this record the gateway's checks refused (kept as sent in `raw`): the client's
   * `dataQualityIssues`. Replaced by each sync of the record.
   */
  @Column({ type: "jsonb", default: [] })
  issues: SourceRecordIssue[];

  /** The run that last applied it (a run that found it unchanged moves only lastSyncedAt). */
  @Column({ type: "bigint", nullable: true })
  lastRunId: string | null;

  @ManyToOne(() => SyncRun, { onDelete: "SET NULL" })
  @JoinColumn({ name: "last_run_id" })
  lastRun?: SyncRun;
}
