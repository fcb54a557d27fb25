import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { Client } from "../client/client.entity";

/** A client that a caller (a token subject) marked as a favourite; a plain table, no GraphQL type yet. */
@Entity("favourite_client")
@Index("UQ_favourite_client_tenant_subject_client", ["tenantId", "subject", "clientId"], { unique: true })
@Index("IDX_favourite_client_tenant_client", ["tenantId", "clientId"])
@Index("IDX_favourite_client_client", ["clientId"])
export class FavouriteClient extends TenantEntity {
  /** The caller's token subject (`sub`). */
  @Column({ type: "varchar", length: 255 })
  subject: string;

  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @CreatedAt()
  createdAt: Date;
}
