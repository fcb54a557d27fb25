import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { TimestampColumn } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { Client } from "../client/client.entity";

/**
 * When a caller (a token subject) last opened a client with the `client` query: written after
 * the query by OpenedClientsRecorder, never in the query's own transaction. The newest
 * KEEP_OPENED_PER_CALLER per caller are kept.
 */
@Entity("opened_client")
@Index("UQ_opened_client_tenant_subject_client", ["tenantId", "subject", "clientId"], { unique: true })
@Index("IDX_opened_client_tenant_subject_opened", ["tenantId", "subject", "openedAt"])
@Index("IDX_opened_client_client", ["clientId"])
export class OpenedClient extends TenantEntity {
  /** The caller's token subject (`sub`). */
  @Column({ type: "varchar", length: 255 })
  subject: string;

  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @TimestampColumn({ nullable: false })
  openedAt: Date;
}
