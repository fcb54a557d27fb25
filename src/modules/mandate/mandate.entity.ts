import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Generated } from "typeorm";
import { CreatedAt, inList, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { ZONED_DATE_NOTE } from "../../common/validation/zoned-date";
import { DateScalar, DateTime, UUID } from "../../common/scalars";
import { BankAccountClass } from "../bank-account/bank-account.enums";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";
import { DirectDebitMandateType } from "./mandate.enums";

/** A direct debit mandate of a client (uniqueId: Aptic mandateGuid; signedAt: Aptic signedDate). */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A direct debit mandate: the client's permission to collect from an account" })
@Entity("direct_debit_mandate")
@Index("IDX_direct_debit_mandate_tenant_client", ["tenantId", "clientId"])
@Index("IDX_direct_debit_mandate_client", ["clientId"])
@Index("UQ_direct_debit_mandate_tenant_unique_id", ["tenantId", "uniqueId"], { unique: true })
@Check("CHK_direct_debit_mandate_mandate_type", inList("mandate_type", Object.values(DirectDebitMandateType)))
@Check(
  "CHK_direct_debit_mandate_sending_bank_account_class",
  inList("sending_bank_account_class", Object.values(BankAccountClass)),
)
@Check("CHK_direct_debit_mandate_valid_dates", `"valid_from" IS NULL OR "valid_until" IS NULL OR "valid_from" <= "valid_until"`)
export class DirectDebitMandate extends TenantEntity {
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

  @Field(() => UUID, { description: "Stable GUID (Aptic mandateGuid)" })
  @Column({ type: "uuid" })
  @Generated("uuid")
  uniqueId: string;

  @Field(() => DirectDebitMandateType, { description: "Direct debit scheme" })
  @Column({ type: "varchar", length: 32 })
  mandateType: DirectDebitMandateType;

  @Field({ description: "Bank account number of the receiving part (the payee)" })
  @Column({ type: "varchar", length: 50 })
  receivingBankAccountNo: string;

  @Field(() => BankAccountClass, { nullable: true, description: "Kind of the sending (payer) account number; null when not given" })
  @StringColumn(32)
  sendingBankAccountClass: BankAccountClass | null;

  @Field(() => String, { nullable: true, description: "Direct debit bank account number of the sending (payer) part" })
  @StringColumn(50)
  sendingBankAccountNo: string | null;

  @Field(() => String, { nullable: true, description: "Direct debit mandate reference number" })
  @StringColumn(50)
  referenceNo: string | null;

  @Field(() => DateTime, { nullable: true, description: "When the mandate was requested" })
  @Column({ type: "timestamptz", nullable: true })
  requestedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the mandate was approved; null until then" })
  @Column({ type: "timestamptz", nullable: true })
  approvedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the payer signed (Aptic signedDate)" })
  @Column({ type: "timestamptz", nullable: true })
  signedAt: Date | null;

  @Field(() => DateScalar, { nullable: true, description: `First day the mandate is valid. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  validFrom: string | null;

  @Field(() => DateScalar, { nullable: true, description: `Last day the mandate is valid. ${ZONED_DATE_NOTE}` })
  @Column({ type: "date", nullable: true })
  validUntil: string | null;

  @Field(() => DateTime, { nullable: true, description: "When the mandate was closed (closeDirectDebitMandate); null while open" })
  @Column({ type: "timestamptz", nullable: true })
  closedAt: Date | null;

  @Field(() => DateTime, { description: "When the mandate was created in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the mandate last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
