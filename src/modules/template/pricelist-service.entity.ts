import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CreatedAt, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";

/**
 * A service the company prices (a collection or factoring service of the factoring platform),
 * by the source's service id: what a pricelist's `serviceId` names. Defined per company.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A service the company prices: what a pricelist's serviceId names" })
@Entity("pricelist_service")
@Index("UQ_pricelist_service_tenant_service", ["tenantId", "serviceId"], { unique: true })
export class PricelistService extends TenantEntity {
  @Field(() => Int, { description: "The service's id, as pricelists and the factoring platform name it" })
  @Column({ type: "int" })
  serviceId: number;

  @Field(() => String, { description: "The service's name" })
  @Column({ type: "varchar", length: 100 })
  name: string;

  @Field(() => String, { nullable: true, description: "What it is for, for people" })
  @StringColumn(255)
  description: string | null;

  @Field(() => Boolean, { description: "Inactive services are still listed, for the pricelists that name them" })
  @Column({ type: "boolean", default: true })
  isActive: boolean;

  @Field(() => DateTime, { description: "When it was created" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When it was last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
