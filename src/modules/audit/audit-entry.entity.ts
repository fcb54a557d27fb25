import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { DateTime, JSONScalar } from "../../common/scalars";
import { TenantEntity } from "../../db/tenant-entity";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";
import { SyncRun } from "../../sync/sync-run.entity";

@ObjectType({ description: "One changed field: its value before and after (personal data masked)" })
export class FieldChange {
  @Field(() => String, { description: "The field's name in the GraphQL schema" })
  field: string;

  @Field(() => JSONScalar, { nullable: true, description: "The value before, as JSON; null when it was unset" })
  before: unknown;

  @Field(() => JSONScalar, { nullable: true, description: "The value after, as JSON; null when it was cleared" })
  after: unknown;
}

/**
 * One committed change of a client or of something that belongs to it: who (token subject), the
 * operation, the request and idempotency key it came with, and the changed fields. Written in the
 * transaction of the change; personal identity numbers are masked before they are stored.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A committed change of a client or of one of its resources" })
@Entity("audit_entry")
@Index("IDX_audit_entry_tenant_client_occurred", ["tenantId", "clientId", "occurredAt", "id"])
@Index("IDX_audit_entry_client", ["clientId"])
@Index("IDX_audit_entry_source_system", ["sourceSystemId"])
@Index("IDX_audit_entry_sync_run", ["syncRunId"])
export class AuditEntry extends TenantEntity {
  /** Null for a change of the company's own definitions (templates): in no client's history. */
  @Column({ type: "bigint", nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field(() => String, { description: "The changed record's type, e.g. Client" })
  @Column({ type: "varchar", length: 64 })
  entityType: string;

  @Field(() => String, { description: "The changed record's id" })
  @Column({ type: "bigint" })
  entityId: string;

  @Field(() => String, { description: "The mutation, e.g. updateClient" })
  @Column({ type: "varchar", length: 64 })
  operation: string;

  @Field(() => String, { description: "Who made the change: the token's subject" })
  @Column({ type: "varchar", length: 255 })
  actor: string;

  @Field(() => String, { description: "The request id of the request that made the change, as in the server's log and error responses" })
  @Column({ type: "varchar", length: 64 })
  requestId: string;

  @Field(() => String, { nullable: true, description: "The idempotency key of the mutation that made the change; null when none was given (e.g. a sync)" })
  @Column({ type: "varchar", length: 255, nullable: true })
  idempotencyKey: string | null;

  @Field(() => [FieldChange], { description: "The fields the change touched, with their values before and after" })
  @Column({ type: "jsonb", default: [] })
  changes: FieldChange[];

  @Field(() => DateTime, { description: "When the change was committed" })
  @Column({ type: "timestamptz", precision: 3, default: () => "now()" })
  occurredAt: Date;

  /** The source system whose sync made the change (GraphQL `source`); null for a change made through the API. */
  @Column({ type: "bigint", nullable: true })
  sourceSystemId: string | null;

  @ManyToOne(() => SourceSystem, { onDelete: "SET NULL" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  /** The sync run that made the change (GraphQL `syncRun`); null for a change made through the API. */
  @Column({ type: "bigint", nullable: true })
  syncRunId: string | null;

  @ManyToOne(() => SyncRun, { onDelete: "SET NULL" })
  @JoinColumn({ name: "sync_run_id" })
  syncRun?: SyncRun;
}
