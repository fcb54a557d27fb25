import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";

/** A free-form named list of values on a client; names are unique per client. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A free-form named field of a client, with one or more values" })
@Entity("extra_field")
@Index("IDX_extra_field_tenant_client", ["tenantId", "clientId"])
@Index("IDX_extra_field_client", ["clientId"])
@Index("UQ_extra_field_client_name", ["clientId", "name"], { unique: true })
export class ExtraField extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  /** The source system the row is synced from (Aptic); null for one written here. A sync updates and deletes only its own rows and those it took over. */
  @Column({ type: "bigint", nullable: true })
  sourceSystemId: string | null;

  @ManyToOne(() => SourceSystem, { onDelete: "SET NULL" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  @Field({ description: "The extra field's name, as defined in the source (Aptic)" })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => [String], { description: "The field's values for the client, in the source's order" })
  @Column({ type: "text", array: true, default: () => "'{}'" })
  values: string[];

  @Field(() => DateTime, { description: "When the extra field was first stored in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the extra field was last changed in the gateway" })
  @UpdatedAt()
  updatedAt: Date;
}
