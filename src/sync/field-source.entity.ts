import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { DateTime } from "../common/scalars";
import { TenantEntity } from "../db/tenant-entity";
import { Client } from "../modules/client/client.entity";
import { SourceSystem } from "../sources/source-system.entity";

/**
 * Where a client's field got its value: a source system, or (`sourceSystemId` null) a person
 * through the gateway's own mutations, and when. One per client and field.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "Where a client's field got its value, and when" })
@Entity("field_source")
@Index("UQ_field_source_tenant_client_field", ["tenantId", "clientId", "field"], { unique: true })
@Index("IDX_field_source_client", ["clientId"])
@Index("IDX_field_source_source_system", ["sourceSystemId"])
export class FieldSource extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  /** The client's field, by its GraphQL name (`email`, `creditLimit`). */
  @Field(() => String, { description: "The client's field, by its GraphQL name" })
  @Column({ type: "varchar", length: 64 })
  field: string;

  /** Null: written through the gateway. A deleted source takes its provenance rows with it. */
  @Column({ type: "bigint", nullable: true })
  sourceSystemId: string | null;

  @ManyToOne(() => SourceSystem, { onDelete: "CASCADE" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  @Field(() => DateTime, { description: "When the field's current value was written" })
  @Column({ type: "timestamptz", precision: 3 })
  setAt: Date;
}
