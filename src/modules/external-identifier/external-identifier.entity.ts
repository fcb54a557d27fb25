import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, StringColumn, TimestampColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { Client } from "../client/client.entity";

/** The id of a client in another system (source: the CRM's type); soft-deleted via deletedAt. */
@Directive(`@key(fields: "id")`)
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

  @Field(() => DateTime, { description: "When the identifier was first recorded in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the identifier last changed" })
  @UpdatedAt()
  updatedAt: Date;

  /**
   * The identifier's own id, creation and update time in the source system that lists it (the
   * CRM's external_identifiers[].id, created_at, updated_at); null for one added through the API.
   * Not `sourceId`: `source` here is the other system, whose id for the client is externalId.
   */
  @Field(() => String, { nullable: true, description: "The identifier's own id in the source system that lists it (the CRM's external_identifiers[].id); null when added through the API" })
  @StringColumn(255)
  sourceRecordId: string | null;

  @Field(() => DateTime, { nullable: true, description: "When the source system that lists it created the identifier (the CRM's created_at)" })
  @TimestampColumn()
  sourceCreatedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the source system that lists it last changed the identifier (the CRM's updated_at)" })
  @TimestampColumn()
  sourceUpdatedAt: Date | null;

  /** Set when removed at the source; such rows are never shown. */
  @Column({ type: "timestamptz", nullable: true })
  deletedAt: Date | null;
}
