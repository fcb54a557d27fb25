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

  @Field(() => String, { nullable: true, description: "Bank account number, in the format of bankAccountClass" })
  @StringColumn(50)
  bankAccountNo: string | null;

  @Field(() => String, { nullable: true, description: "Short description to identify the bank account" })
  @StringColumn(255)
  description: string | null;

  @Field(() => BankAccountClass, { description: "Bank account class: the kind of number, which export files use to determine layout" })
  @Column({ type: "varchar", length: 32, default: BankAccountClass.UNKNOWN })
  bankAccountClass: BankAccountClass;

  @Field(() => BankAccountOwnerType, { description: "To whom the bank account belongs" })
  @Column({ type: "varchar", length: 16, default: BankAccountOwnerType.CREDITOR })
  ownerType: BankAccountOwnerType;

  @Field(() => String, { nullable: true, description: "Internal code of the bank account" })
  @StringColumn(50)
  internalCode: string | null;

  @Field(() => Int, { nullable: true, description: "Lower first" })
  @Column({ type: "int", nullable: true })
  priority: number | null;

  @Field(() => String, { nullable: true, description: "Agreement number of the bank account" })
  @StringColumn(50)
  agreementNo: string | null;

  @Field(() => String, { nullable: true, description: "Code identifying the bank holding the bank account" })
  @StringColumn(20)
  bankCode: string | null;

  @Field(() => String, { nullable: true, description: "Name or description of the bank holding the bank account" })
  @StringColumn(255)
  bankDescription: string | null;

  @Field(() => CountryCode, { nullable: true, description: "ISO 3166-1 alpha-2 country of the bank holding the bank account" })
  @Column({ type: "char", length: 2, nullable: true })
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: "Postal code of the bank holding the bank account" })
  @StringColumn(20)
  zipCode: string | null;

  @Field(() => String, { nullable: true, description: "City of the bank holding the bank account" })
  @StringColumn(80)
  city: string | null;

  @Field(() => AllowPayments, { description: "Whether the account is available for payments or nettings" })
  @Column({ type: "varchar", length: 16, default: AllowPayments.NO })
  allowPayments: AllowPayments;

  @Field({ description: "Whether money may be disbursed from the account" })
  @Column({ type: "boolean", default: false })
  allowDisbursementsFrom: boolean;

  @Field({ description: "Whether money may be disbursed to the account" })
  @Column({ type: "boolean", default: false })
  allowDisbursementsTo: boolean;

  @Field({ description: "Whether this is the client's business account" })
  @Column({ type: "boolean", default: false })
  businessAccount: boolean;

  @Field({ description: "Whether the account is used for third-party remittances, like from the bailiff" })
  @Column({ type: "boolean", default: false })
  thirdPartyRemittance: boolean;

  @Field({ description: "Whether there is a power of attorney agreement on the account" })
  @Column({ type: "boolean", default: false })
  powerOfAttorney: boolean;

  @Field(() => Currency, { nullable: true, description: "ISO 4217 currency of the account" })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field(() => Decimal, { nullable: true, description: "Balance of the account in currencyCode, as the source last reported it; null when unknown" })
  @MoneyColumn()
  accountBalance: string | null;

  @Field(() => IBAN, { nullable: true, description: "IBAN of the account" })
  @StringColumn(34)
  iban: string | null;

  @Field(() => String, { nullable: true, description: "BIC of the bank holding the account" })
  @StringColumn(11)
  bic: string | null;

  @Field(() => String, { nullable: true, description: "German bank code (Bankleitzahl)" })
  @StringColumn(8)
  blz: string | null;

  @Field(() => String, { nullable: true, description: "SWIFT code of the account" })
  @StringColumn(11)
  swift: string | null;

  @Field(() => DateTime, { description: "When the bank account was created in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the bank account last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
