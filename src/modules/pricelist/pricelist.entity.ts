import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, Generated } from "typeorm";
import { CreatedAt, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { ZONED_DATE_NOTE } from "../../common/validation/zoned-date";
import { Currency, DateScalar, DateTime, UUID } from "../../common/scalars";
import { Client } from "../client/client.entity";

/** A pricelist of a client, at most one the default (uniqueId: Aptic pricelistGUID). */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A pricelist of a client: the fees it is charged" })
@Entity("pricelist")
@Index("IDX_pricelist_tenant_client", ["tenantId", "clientId"])
@Index("IDX_pricelist_client", ["clientId"])
@Index("UQ_pricelist_default", ["clientId"], { unique: true, where: '"is_default_pricelist"' })
export class Pricelist extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field(() => UUID, { description: "Stable GUID (Aptic pricelistGUID)" })
  @Column({ type: "uuid" })
  @Generated("uuid")
  uniqueId: string;

  @Field({ description: "Name of the pricelist in the source (Aptic)" })
  @Column({ type: "varchar", length: 100 })
  pricelistName: string;

  @Field(() => Currency, { nullable: true, description: "ISO 4217 currency of the pricelist's amounts" })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field({ description: "Whether the pricelist is currently applied" })
  @Column({ type: "boolean", default: true })
  isActive: boolean;

  @Field(() => Int, { nullable: true, description: "Aptic's id of the service the pricelist prices" })
  @Column({ type: "int", nullable: true })
  serviceId: number | null;

  @Field({ description: "The client's default pricelist (at most one per client)" })
  @Column({ type: "boolean", default: false })
  isDefaultPricelist: boolean;

  @Field(() => String, { nullable: true, description: "Aptic's condition under which the pricelist applies; null when always" })
  @StringColumn(255)
  condition: string | null;

  @Field(() => DateScalar, { nullable: true, description: `First day the pricelist applies. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  validFrom: string | null;

  @Field({ description: "Whether fee events under this pricelist are charged to the creditor (the client)" })
  @Column({ type: "boolean", default: false })
  creditorFeeEvents: boolean;

  @Field(() => Int, { nullable: true, description: "The source system's id of the template pricelist" })
  @Column({ type: "int", nullable: true })
  templatePricelistId: number | null;

  @Field(() => DateTime, { description: "When the pricelist was first stored in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the pricelist was last changed in the gateway" })
  @UpdatedAt()
  updatedAt: Date;
}
