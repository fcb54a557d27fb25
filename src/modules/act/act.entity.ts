import { Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, MoneyColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { Currency, DateScalar, DateTime, Decimal } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { ActDataPoint } from "./act-data-point.type";

/**
 * A financial statement of a client for one period. Newest first is periodEnd DESC, id DESC: the
 * ascending (clientId, periodEnd, id) index, scanned backwards, gives exactly that order.
 */
@ObjectType({ description: "A financial statement (annual or interim accounts) of the client" })
@Entity("act")
@Index("IDX_act_tenant_client", ["tenantId", "clientId"])
@Index("IDX_act_client", ["clientId"])
@Index("IDX_act_client_period_end", ["clientId", "periodEnd", "id"])
@Check("CHK_act_period", `"period_start" <= "period_end"`)
export class Act extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field(() => DateScalar)
  @Column({ type: "date" })
  periodStart: string;

  @Field(() => DateScalar)
  @Column({ type: "date" })
  periodEnd: string;

  @Field(() => Currency)
  @Column({ type: "char", length: 3 })
  currencyCode: string;

  @Field(() => Decimal, { nullable: true })
  @MoneyColumn()
  revenue: string | null;

  @Field(() => Decimal, { nullable: true, description: "Net result" })
  @MoneyColumn()
  result: string | null;

  @Field(() => Decimal, { nullable: true })
  @MoneyColumn()
  equity: string | null;

  @Field(() => Decimal, { nullable: true })
  @MoneyColumn()
  totalAssets: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: "int", nullable: true })
  employees: number | null;

  @Field(() => [ActDataPoint])
  @Column({ type: "jsonb", default: [] })
  dataPoints: ActDataPoint[];

  @Field(() => DateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  publishedAt: Date | null;

  @Field(() => DateTime)
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime)
  @UpdatedAt()
  updatedAt: Date;
}
