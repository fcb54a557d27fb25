import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CreatedAt, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { ParameterTemplateEntry } from "./template-lines.types";

/** A named template of the company, applied by createClient's `parameterTemplate` name: the parameters it gives a client. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A named template of the company, applied when createClient names it: the parameters it gives a client" })
@Entity("parameter_template")
@Index("UQ_parameter_template_tenant_name", ["tenantId", "name"], { unique: true })
export class ParameterTemplate extends TenantEntity {
  @Field(() => String, { description: "Unique per company: the name createClient takes" })
  @Column({ type: "varchar", length: 80 })
  name: string;

  @Field(() => String, { nullable: true, description: "What it is for, for people" })
  @StringColumn(255)
  description: string | null;

  @Field(() => [ParameterTemplateEntry], { description: "The parameters it gives a client, in order" })
  @Column({ type: "jsonb", default: () => "'[]'" })
  parameters: ParameterTemplateEntry[];

  @Field(() => DateTime, { description: "When it was created" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When it was last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
