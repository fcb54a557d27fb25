import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { Client } from "../client/client.entity";

/** The id of a client in another system (source: the CRM's type); soft-deleted via deletedAt. */
@ObjectType({ description: "The id of a client in another system" })
@Entity("external_identifier")
@Index("IDX_external_identifier_tenant_client", ["tenantId", "clientId"])
@Index("IDX_external_identifier_client", ["clientId"])
@Index("UQ_external_identifier_source", ["tenantId", "source", "externalId"], { unique: true })
export class ExternalIdentifier extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field({ description: "The other system (the CRM's type)" })
  @Column({ type: "varchar", length: 50 })
  source: string;

  /** A GraphQL field through ExternalIdentifierValueResolver (masking). */
  @Column({ type: "varchar", length: 255 })
  externalId: string;

  @Field(() => DateTime)
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime)
  @UpdatedAt()
  updatedAt: Date;

  /** Set when removed at the source; such rows are never shown. */
  @Column({ type: "timestamptz", nullable: true })
  deletedAt: Date | null;
}
