import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Generated } from "typeorm";
import { CreatedAt, inList, MoneyColumn, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { CountryCode, Currency, DateTime, Decimal, IBAN, UUID } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";
import { AllowPayments, BankAccountClass, BankAccountOwnerType } from "./bank-account.enums";

/** A bank account of a client (uniqueId: Aptic bankaccountGuid). */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A bank account of a client, for payments, disbursements and direct debit" })
@Entity("bank_account")
@Index("IDX_bank_account_tenant_client", ["tenantId", "clientId"])
@Index("IDX_bank_account_client", ["clientId"])
@Index("IDX_bank_account_tenant_iban", ["tenantId", "iban"])
@Index("UQ_bank_account_tenant_unique_id", ["tenantId", "uniqueId"], { unique: true })
@Check("CHK_bank_account_bank_account_class", inList("bank_account_class", Object.values(BankAccountClass)))
@Check("CHK_bank_account_owner_type", inList("owner_type", Object.values(BankAccountOwnerType)))
@Check("CHK_bank_account_allow_payments", inList("allow_payments", Object.values(AllowPayments)))
export class BankAccount extends TenantEntity {
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

  @Field(() => UUID, { description: "Stable GUID (Aptic bankaccountGuid)" })
  @Column({ type: "uuid" })
  @Generated("uuid")
  uniqueId: string;

  @Field(() => String, { nullable: true })
  @StringColumn(50)
  bankAccountNo: string | null;

  @Field(() => String, { nullable: true })
  @StringColumn(255)
  description: string | null;

  @Field(() => BankAccountClass)
  @Column({ type: "varchar", length: 32, default: BankAccountClass.UNKNOWN })
  bankAccountClass: BankAccountClass;

  @Field(() => BankAccountOwnerType)
  @Column({ type: "varchar", length: 16, default: BankAccountOwnerType.CREDITOR })
  ownerType: BankAccountOwnerType;

  @Field(() => String, { nullable: true })
  @StringColumn(50)
  internalCode: string | null;

  @Field(() => Int, { nullable: true, description: "Lower first" })
  @Column({ type: "int", nullable: true })
  priority: number | null;

  @Field(() => String, { nullable: true })
  @StringColumn(50)
  agreementNo: string | null;

  @Field(() => String, { nullable: true })
  @StringColumn(20)
  bankCode: string | null;

  @Field(() => String, { nullable: true })
  @StringColumn(255)
  bankDescription: string | null;

  @Field(() => CountryCode, { nullable: true })
  @Column({ type: "char", length: 2, nullable: true })
  countryCode: string | null;

  @Field(() => String, { nullable: true })
  @StringColumn(20)
  zipCode: string | null;

  @Field(() => String, { nullable: true })
  @StringColumn(80)
  city: string | null;

  @Field(() => AllowPayments)
  @Column({ type: "varchar", length: 16, default: AllowPayments.NO })
  allowPayments: AllowPayments;

  @Field()
  @Column({ type: "boolean", default: false })
  allowDisbursementsFrom: boolean;

  @Field()
  @Column({ type: "boolean", default: false })
  allowDisbursementsTo: boolean;

  @Field()
  @Column({ type: "boolean", default: false })
  businessAccount: boolean;

  @Field()
  @Column({ type: "boolean", default: false })
  thirdPartyRemittance: boolean;

  @Field()
  @Column({ type: "boolean", default: false })
  powerOfAttorney: boolean;

  @Field(() => Currency, { nullable: true })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field(() => Decimal, { nullable: true })
  @MoneyColumn()
  accountBalance: string | null;

  @Field(() => IBAN, { nullable: true })
  @StringColumn(34)
  iban: string | null;

  @Field(() => String, { nullable: true })
  @StringColumn(11)
  bic: string | null;

  @Field(() => String, { nullable: true, description: "German bank code (Bankleitzahl)" })
  @StringColumn(8)
  blz: string | null;

  @Field(() => String, { nullable: true })
  @StringColumn(11)
  swift: string | null;

  @Field(() => DateTime)
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime)
  @UpdatedAt()
  updatedAt: Date;
}
