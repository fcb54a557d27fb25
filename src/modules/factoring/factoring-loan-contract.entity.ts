import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, MoneyColumn, RateColumn, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { ZONED_DATE_NOTE } from "../../common/validation/zoned-date";
import { Currency, DateScalar, DateTime, Decimal } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";

/** A client's factoring loan (credit line) contract on the factoring platform; at most one per client. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A factoring loan: a credit line the client draws on, with interest and limit fees" })
@Entity("factoring_loan_contract")
@Index("UQ_factoring_loan_contract_client", ["clientId"], { unique: true })
@Index("IDX_factoring_loan_contract_tenant_client", ["tenantId", "clientId"])
@Check("CHK_factoring_loan_contract_auto_percent", `"auto_percent" BETWEEN 0 AND 100`)
@Check("CHK_factoring_loan_contract_max_percent", `"max_percent" BETWEEN 0 AND 100`)
@Check("CHK_factoring_loan_contract_limit_fee_percentage", `"limit_fee_percentage" BETWEEN 0 AND 100`)
export class FactoringLoanContract extends TenantEntity {
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

  @Field(() => DateScalar, { nullable: true, description: `Credit decision. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  decisionDate: string | null;

  @Field(() => Decimal, { nullable: true, description: "Credit limit" })
  @MoneyColumn({ name: "limit_amount" })
  limit: string | null;

  @Field(() => Decimal, { nullable: true, description: "Automatic financing percentage (0..100)" })
  @RateColumn()
  autoPercent: string | null;

  @Field(() => Decimal, { nullable: true, description: "Maximum financing percentage (0..100)" })
  @RateColumn()
  maxPercent: string | null;

  @Field(() => String, { nullable: true, description: "The client's reference for the loan" })
  @StringColumn(80)
  yourReference: string | null;

  @Field(() => String, { nullable: true, description: "The factoring company's own reference for the loan" })
  @StringColumn(80)
  ourReference: string | null;

  @Field(() => Decimal, { nullable: true, description: "Loan interest rate, in percent" })
  @RateColumn()
  interestRate: string | null;

  @Field(() => String, { nullable: true, description: "Interest code (Aptic's cfg_interest)" })
  @StringColumn(20)
  interestCode: string | null;

  @Field(() => Decimal, { nullable: true, description: "Limit fee amount, in the contract's currency" })
  @MoneyColumn()
  limitFeeAmount: string | null;

  @Field(() => Decimal, { nullable: true, description: "Limit fee in percent of the limit (0..100)" })
  @RateColumn()
  limitFeePercentage: string | null;

  @Field(() => Int, { nullable: true, description: "Limit fee interval in interest days" })
  @Column({ type: "int", nullable: true })
  limitFeeInterval: number | null;

  @Field(() => DateScalar, { nullable: true, description: `Next limit fee. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  limitFeeDate: string | null;

  @Field(() => String, { nullable: true, description: "Invoice item used when charging the limit fee" })
  @StringColumn(50)
  limitFeeInvoiceItem: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the limit fee is charged for the part of the starting period" })
  @Column({ type: "boolean", nullable: true })
  limitFeePartOfPeriod: boolean | null;

  @Field(() => Decimal, { nullable: true, description: "Amount charged as limit fee for the starting period" })
  @MoneyColumn()
  limitFeePartOfPeriodAmount: string | null;

  @Field(() => String, { nullable: true, description: "Factoring loan contract note, free text" })
  @Column({ type: "text", nullable: true })
  note: string | null;

  @Field(() => Currency, { nullable: true, description: "ISO 4217 currency of the loan's amounts; null when the source gives none" })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field(() => DateTime, { description: "When the contract was first stored in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the contract was last changed in the gateway (written here or by a sync)" })
  @UpdatedAt()
  updatedAt: Date;
}
