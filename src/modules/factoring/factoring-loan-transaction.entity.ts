import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, inList, MoneyColumn, StringColumn } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { Currency, DateScalar, DateTime, Decimal, UUID } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";
import { FactoringLoanTransactionType } from "./factoring.enums";
import { FactoringLoanContract } from "./factoring-loan-contract.entity";

/** One booking on a factoring loan (drawdown, repayment, interest or fee); append-only, so no updatedAt. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A booking on a factoring loan; the amount is positive and the type gives the sign" })
@Entity("factoring_loan_transaction")
@Index("IDX_factoring_loan_transaction_tenant_client", ["tenantId", "clientId"])
@Index("IDX_factoring_loan_transaction_client", ["clientId"])
@Index("IDX_factoring_loan_transaction_contract_date", ["contractId", "transactionDate"])
@Index("UQ_factoring_loan_transaction_tenant_unique_id", ["tenantId", "uniqueId"], { unique: true })
@Check("CHK_factoring_loan_transaction_type", inList("type", Object.values(FactoringLoanTransactionType)))
@Check("CHK_factoring_loan_transaction_amount", `"amount" > 0`)
export class FactoringLoanTransaction extends TenantEntity {
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

  @Column({ type: "bigint" })
  contractId: string;

  @ManyToOne(() => FactoringLoanContract, { onDelete: "CASCADE" })
  @JoinColumn({ name: "contract_id" })
  contract?: FactoringLoanContract;

  @Field(() => UUID, { description: "Stable GUID (Aptic transactionGuid); made by the gateway for a transaction it recorded itself" })
  @Column({ type: "uuid" })
  @Generated("uuid")
  uniqueId: string;

  @Field(() => DateScalar, { description: "Booking date; an Aptic date-time is taken as the date in the tenant's time zone (Europe/Stockholm)" })
  @Column({ type: "date" })
  transactionDate: string;

  @Field(() => FactoringLoanTransactionType, { description: "What the transaction does to the drawn balance; the amount is always positive" })
  @Column({ type: "varchar", length: 16 })
  type: FactoringLoanTransactionType;

  @Field(() => Decimal, { description: "Always positive; the type gives the sign" })
  @MoneyColumn({ nullable: false })
  amount: string;

  @Field(() => Currency, { nullable: true, description: "ISO 4217, as the source sent it; null: the contract's" })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field(() => String, { nullable: true, description: "Free-text description of the transaction from the source; null when none" })
  @StringColumn(255)
  description: string | null;

  @Field(() => DateTime, { description: "When the transaction was stored in the gateway" })
  @CreatedAt()
  createdAt: Date;
}
