import { Directive, Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { CreatedAt, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { ChartOfAccountTemplateAccount } from "./template-lines.types";

/** A named template of the company, applied by createClient's `chartOfAccountTemplate` name: the accounts of the chart of accounts it gives a client. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A named template of the company, applied when createClient names it: the accounts of the chart of accounts it gives a client" })
@Entity("chart_of_account_template")
@Index("UQ_chart_of_account_template_tenant_name", ["tenantId", "name"], { unique: true })
export class ChartOfAccountTemplate extends TenantEntity {
  @Field(() => String, { description: "Unique per company: the name createClient takes" })
  @Column({ type: "varchar", length: 80 })
  name: string;

  @Field(() => String, { nullable: true, description: "What it is for, for people" })
  @StringColumn(255)
  description: string | null;

  @Field(() => [ChartOfAccountTemplateAccount], { description: "The accounts of the chart of accounts it gives a client, in order" })
  @Column({ type: "jsonb", default: () => "'[]'" })
  accounts: ChartOfAccountTemplateAccount[];

  @Field(() => DateTime, { description: "When it was created" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When it was last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
