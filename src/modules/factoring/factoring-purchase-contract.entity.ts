import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, inList, MoneyColumn, RateColumn, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { ZONED_DATE_NOTE } from "../../common/validation/zoned-date";
import { Currency, DateScalar, DateTime, Decimal } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";
import {
  FinancingInterestCalculateFrom,
  FinancingInterestCalculateTo,
  FinancingInterestFeeInsertTrigger,
} from "./factoring.enums";

/** A client's invoice purchase (factoring) contract on the factoring platform; at most one per client. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "An invoice purchase contract: the limits, recourse terms and interest of buying the client's invoices" })
@Entity("factoring_purchase_contract")
@Index("UQ_factoring_purchase_contract_client", ["clientId"], { unique: true })
@Index("IDX_factoring_purchase_contract_tenant_client", ["tenantId", "clientId"])
@Check(
  "CHK_factoring_purchase_contract_interest_from",
  inList("financing_interest_calculate_from", Object.values(FinancingInterestCalculateFrom)),
)
@Check(
  "CHK_factoring_purchase_contract_interest_to",
  inList("financing_interest_calculate_to", Object.values(FinancingInterestCalculateTo)),
)
@Check(
  "CHK_factoring_purchase_contract_fee_trigger",
  inList("financing_interest_fee_insert_trigger", Object.values(FinancingInterestFeeInsertTrigger)),
)
export class FactoringPurchaseContract extends TenantEntity {
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

  @Field({ description: "Whether the purchase contract is active (invoices can be purchased under it)" })
  @Column({ type: "boolean", default: true })
  active: boolean;

  @Field(() => DateScalar, { nullable: true, description: `Credit decision. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  decisionDate: string | null;

  @Field(() => String, { nullable: true, description: "Deposit: a code, an amount or a percentage" })
  @StringColumn(50)
  deposit: string | null;

  @Field(() => Decimal, { nullable: true, description: "Total purchase limit" })
  @MoneyColumn({ name: "limit_amount" })
  limit: string | null;

  @Field(() => Decimal, { nullable: true, description: "Limit for a single customer (debtor) of the client, in the contract's currency" })
  @MoneyColumn()
  customerLimit: string | null;

  @Field(() => Decimal, { nullable: true, description: "Limit for invoices purchased with recourse" })
  @MoneyColumn()
  recourseLimit: string | null;

  @Field(() => Decimal, { nullable: true, description: "Limit for invoices purchased without recourse" })
  @MoneyColumn()
  nonRecourseLimit: string | null;

  @Field(() => Decimal, { nullable: true, description: "Default limit for a customer group, in the contract's currency" })
  @MoneyColumn()
  defaultGroupLimit: string | null;

  @Field(() => Boolean, { nullable: true, description: "Invoices are purchased with recourse" })
  @Column({ type: "boolean", nullable: true })
  recourse: boolean | null;

  @Field(() => Int, { nullable: true, description: "Number of days after the due date before automatic recourse" })
  @Column({ type: "int", nullable: true })
  recourseDays: number | null;

  @Field(() => String, { nullable: true, description: "Maximum to reserve on the blocked account per invoice: an amount or a percentage, as the source gives it" })
  @StringColumn(50)
  blockedAccount: string | null;

  @Field(() => Decimal, { nullable: true, description: "Maximum total amount to reserve on the blocked account" })
  @MoneyColumn()
  blockedAccountTotal: string | null;

  @Field(() => Decimal, { nullable: true, description: "Interest rate for the blocked account, in percent" })
  @RateColumn()
  blockedAccountInterestRate: string | null;

  @Field(() => String, { nullable: true, description: "Interest code for the blocked account (Aptic's cfg_interest)" })
  @StringColumn(20)
  blockedAccountInterestCode: string | null;

  @Field(() => String, { nullable: true, description: "Contract note, free text of at most 2000 characters" })
  @StringColumn(2000)
  note: string | null;

  @Field(() => Int, { nullable: true, description: "Number of days after the due date before over-interest is calculated" })
  @Column({ type: "int", nullable: true })
  overInterestAfterDays: number | null;

  @Field(() => Decimal, { nullable: true, description: "Over-interest rate, in percent" })
  @RateColumn()
  overInterestRate: string | null;

  @Field(() => String, { nullable: true, description: "Over-interest code (Aptic's cfg_interest)" })
  @StringColumn(20)
  overInterestCode: string | null;

  @Field(() => FinancingInterestCalculateFrom, { nullable: true, description: "The date financing interest is calculated from; null when the contract does not say" })
  @StringColumn(32)
  financingInterestCalculateFrom: FinancingInterestCalculateFrom | null;

  @Field(() => FinancingInterestCalculateTo, { nullable: true, description: "The date financing interest is calculated to; null when the contract does not say" })
  @StringColumn(32)
  financingInterestCalculateTo: FinancingInterestCalculateTo | null;

  @Field(() => FinancingInterestFeeInsertTrigger, { nullable: true, description: "The event at which the financing interest fee is charged; null when the contract does not say" })
  @StringColumn(32)
  financingInterestFeeInsertTrigger: FinancingInterestFeeInsertTrigger | null;

  @Field(() => Decimal, { nullable: true, description: "Financing interest rate, in percent" })
  @RateColumn()
  financingInterestRate: string | null;

  @Field(() => String, { nullable: true, description: "Financing interest code (Aptic's cfg_interest)" })
  @StringColumn(20)
  financingInterestCode: string | null;

  @Field(() => Currency, { nullable: true, description: "ISO 4217 currency of the contract's amounts; null when the source gives none" })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field(() => DateTime, { description: "When the contract was first stored in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the contract was last changed in the gateway (written here or by a sync)" })
  @UpdatedAt()
  updatedAt: Date;
}
