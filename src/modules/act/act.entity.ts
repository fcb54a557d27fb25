import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, MoneyColumn, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { Currency, DateScalar, DateTime, Decimal } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";
import { ActDataPoint } from "./act-data-point.type";

/**
 * A financial statement of a client for one period. Newest first is periodEnd DESC, id DESC: the
 * ascending (clientId, periodEnd, id) index, scanned backwards, gives exactly that order.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A financial statement (annual or interim accounts) of the client" })
@Entity("act")
@Index("IDX_act_tenant_client", ["tenantId", "clientId"])
@Index("IDX_act_client", ["clientId"])
@Index("IDX_act_client_period_end", ["clientId", "periodEnd", "id"])
@Index("UQ_act_tenant_source_system_source_id", ["tenantId", "sourceSystemId", "sourceId"], { unique: true, where: `"source_system_id" IS NOT NULL` })
@Index("IDX_act_source_system", ["sourceSystemId"])
@Check("CHK_act_period", `"period_start" <= "period_end"`)
export class Act extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field(() => DateScalar, { description: "First day of the financial year the statement covers" })
  @Column({ type: "date" })
  periodStart: string;

  @Field(() => DateScalar, { description: "Last day of the financial year the statement covers" })
  @Column({ type: "date" })
  periodEnd: string;

  @Field(() => Currency, { nullable: true, description: "The currency of the act's amounts; null when its source names none" })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field(() => Decimal, { nullable: true, description: "Net revenue for the period, in the statement's currency; null when not reported" })
  @MoneyColumn()
  revenue: string | null;

  @Field(() => Decimal, { nullable: true, description: "Net result" })
  @MoneyColumn()
  result: string | null;

  @Field(() => Decimal, { nullable: true, description: "Equity at the end of the period; null when not reported" })
  @MoneyColumn()
  equity: string | null;

  @Field(() => Decimal, { nullable: true, description: "Total assets at the end of the period; null when not reported" })
  @MoneyColumn()
  totalAssets: string | null;

  @Field(() => Int, { nullable: true, description: "Average number of employees over the period; null when not reported" })
  @Column({ type: "int", nullable: true })
  employees: number | null;

  @Field(() => [ActDataPoint], { description: "Every figure of the statement as the provider delivers it, by code" })
  @Column({ type: "jsonb", default: [] })
  dataPoints: ActDataPoint[];

  @Field(() => DateTime, { nullable: true, description: "When the statement was published to the credit-data provider; null when unknown" })
  @Column({ type: "timestamptz", nullable: true })
  publishedAt: Date | null;

  /** The credit-data source the act is synced from; null for one written here (the demo seed). */
  @Column({ type: "bigint", nullable: true })
  sourceSystemId: string | null;

  @ManyToOne(() => SourceSystem, { onDelete: "SET NULL" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  /** The act's id in that source: a re-sync matches the act by it (never a second copy). */
  @Field(() => String, { nullable: true, description: "The act's id in the source it is synced from (null: not synced)" })
  @StringColumn(255)
  sourceId: string | null;

  @Field(() => DateTime, { description: "When the statement was first stored in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the statement was last changed in the gateway" })
  @UpdatedAt()
  updatedAt: Date;
}
