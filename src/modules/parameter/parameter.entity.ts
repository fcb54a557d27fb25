import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";

/** A named setting of a client; names are unique per client. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A named setting of a client" })
@Entity("client_parameter")
@Index("IDX_client_parameter_tenant_client", ["tenantId", "clientId"])
@Index("IDX_client_parameter_client", ["clientId"])
@Index("UQ_client_parameter_client_name", ["clientId", "name"], { unique: true })
export class ClientParameter extends TenantEntity {
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

  @Field({ description: "The parameter's name, as defined in Aptic" })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: "The parameter's type in Aptic, which says how to read value" })
  @StringColumn(50)
  type: string | null;

  @Field(() => String, { nullable: true, description: "The parameter's value as a string; null when unset" })
  @Column({ type: "text", nullable: true })
  value: string | null;

  @Field(() => String, { nullable: true, description: "Link to the parameter in the source system's API; null for one written here" })
  @StringColumn(255)
  href: string | null;

  @Field(() => DateTime, { description: "When the parameter was first stored in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the parameter was last changed in the gateway" })
  @UpdatedAt()
  updatedAt: Date;
}
