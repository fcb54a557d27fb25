import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, MoneyColumn, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { ZONED_DATE_NOTE } from "../../common/validation/zoned-date";
import { DateScalar, DateTime, Decimal } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";

/** A client's service contract with the business (the factoring platform's client contract); at most one per client. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "The client's service contract: its term, period fee and invoicing instructions" })
@Entity("client_contract")
@Index("UQ_client_contract_client", ["clientId"], { unique: true })
@Index("IDX_client_contract_tenant_client", ["tenantId", "clientId"])
@Check(
  "CHK_client_contract_dates",
  `("start_date" IS NULL OR "end_date" IS NULL OR "start_date" <= "end_date")` +
    ` AND ("end_date" IS NULL OR "cancel_date" IS NULL OR "end_date" <= "cancel_date")`,
)
export class ClientContract extends TenantEntity {
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

  @Field(() => Int, { nullable: true, description: "The factoring platform's numeric contract type code" })
  @Column({ type: "int", nullable: true })
  contractType: number | null;

  @Field(() => String, { nullable: true, description: "Contract number" })
  @StringColumn(50)
  contractNumber: string | null;

  @Field(() => DateScalar, { nullable: true, description: `Commencement. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  startDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: `Expiry. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  endDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: `First invoice. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  invoiceDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: `Cancellation. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  cancelDate: string | null;

  /** A GraphQL field through ClientContractIdNumberResolver (masking). */
  @StringColumn(32)
  idNumber: string | null;

  @Field(() => String, { nullable: true, description: "Why the contract was cancelled; null unless cancelled" })
  @StringColumn(255)
  contractCancelReason: string | null;

  @Field(() => Decimal, { nullable: true, description: "Fee charged each period, in the client's currency" })
  @MoneyColumn()
  periodFee: string | null;

  @Field(() => Int, { nullable: true, description: "Contract length in months" })
  @Column({ type: "int", nullable: true })
  contractLength: number | null;

  @Field(() => Int, { nullable: true, description: "Period length in months" })
  @Column({ type: "int", nullable: true })
  periodLength: number | null;

  @Field(() => String, { nullable: true, description: "Free-text note on the contract" })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: "The factoring platform's customer category" })
  @StringColumn(50)
  customerCategory: string | null;

  @Field(() => String, { nullable: true, description: "Invoicing instructions" })
  @Column({ type: "text", nullable: true })
  instructions: string | null;

  @Field(() => String, { nullable: true, description: "Article or item the period fee is invoiced as" })
  @StringColumn(50)
  invoiceItem: string | null;

  @Field(() => DateTime, { description: "When the contract was created in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the contract last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
