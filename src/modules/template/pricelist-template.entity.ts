import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CreatedAt, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { PricelistTemplateLine } from "./template-lines.types";

/** A named template of the company, applied by createClient's `pricelistTemplate` name: the pricelists it gives a client, one per line. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A named template of the company, applied when createClient names it: the pricelists it gives a client, one per line" })
@Entity("pricelist_template")
@Index("UQ_pricelist_template_tenant_name", ["tenantId", "name"], { unique: true })
export class PricelistTemplate extends TenantEntity {
  @Field(() => String, { description: "Unique per company: the name createClient takes" })
  @Column({ type: "varchar", length: 80 })
  name: string;

  @Field(() => String, { nullable: true, description: "What it is for, for people" })
  @StringColumn(255)
  description: string | null;

  @Field(() => Int, { nullable: true, description: "The source system's id of the template pricelist: set as templatePricelistId on the pricelists it gives" })
  @Column({ type: "int", nullable: true })
  templatePricelistId: number | null;

  @Field(() => [PricelistTemplateLine], { description: "The pricelists it gives a client, one per line, in order" })
  @Column({ type: "jsonb", default: () => "'[]'" })
  lines: PricelistTemplateLine[];

  @Field(() => DateTime, { description: "When it was created" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When it was last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
