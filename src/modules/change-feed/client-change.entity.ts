import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TenantEntity } from "../../db/tenant-entity";

/**
 * The outbox of the change feed: one row per record a transaction changed (a client or one of its
 * resources), written by `writeAudit` in the same statement as the audit trail's rows. Its order
 * in the feed is its transaction's commit sequence (ClientChangeCommit), then its id.
 */
@Entity("client_change")
@Index("IDX_client_change_tenant_xact", ["tenantId", "xact", "id"])
export class ClientChange extends TenantEntity {
  /** The writing transaction (pg_current_xact_id() as a bigint): what joins a change to its commit row. */
  @Column({ type: "bigint" })
  xact: string;

  @Column({ type: "bigint" })
  clientId: string;

  @Column({ type: "varchar", length: 16 })
  kind: string;

  /** The nested record's GraphQL type name; null for the client itself. */
  @Column({ type: "varchar", length: 64, nullable: true })
  resource: string | null;

  @Column({ type: "bigint", nullable: true })
  resourceId: string | null;

  /** The changed fields' names (never their values: the feed carries no personal data). */
  @Column({ type: "text", array: true })
  fields: string[];

  @Column({ type: "bigint", nullable: true })
  sourceSystemId: string | null;

  @Column({ type: "bigint", nullable: true })
  syncRunId: string | null;

  @Column({ type: "varchar", length: 64, nullable: true })
  requestId: string | null;
}

/**
 * One row per transaction that wrote changes of a tenant. `seq` is set at commit (a deferred
 * constraint trigger, under a per-tenant advisory lock held until the commit is visible), so the
 * order of `seq` is the order in which the tenant's transactions became visible: see
 * src/modules/change-feed/feed.ts for why a reader can then never be overtaken.
 */
@Entity("client_change_commit")
@Index("UQ_client_change_commit_tenant_seq", ["tenantId", "seq"], { unique: true })
export class ClientChangeCommit {
  @PrimaryColumn({ type: "varchar", length: 64 })
  tenantId: string;

  @PrimaryColumn({ type: "bigint" })
  xact: string;

  /** Null until the transaction commits; never seen null by another transaction. */
  @Column({ type: "bigint", nullable: true })
  seq: string | null;

  @Column({ type: "timestamptz", precision: 3, nullable: true })
  committedAt: Date | null;
}

/** Per tenant, the last change the retention purge removed: a cursor before it has missed changes. */
@Entity("client_change_horizon")
export class ClientChangeHorizon {
  @PrimaryColumn({ type: "varchar", length: 64 })
  tenantId: string;

  @Column({ type: "bigint" })
  seq: string;

  @Column({ type: "bigint" })
  changeId: string;
}
