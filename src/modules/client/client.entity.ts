import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Generated } from "typeorm";
import { CreatedAt, inList, MoneyColumn, RateColumn, StringColumn, TimestampColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { CountryCode, Currency, DateScalar, DateTime, Decimal, EmailAddress, UUID } from "../../common/scalars";
import { ClientType, CompanyType, CustomerType } from "./client.enums";

/**
 * A client: the union of the CRM's, the factoring platform's and the invoicing system's fields,
 * so no source loses data. Where the stored shape and the GraphQL shape differ (the org number is
 * stored normalised and shown formatted and masked), the difference lives in ClientFieldsResolver.
 */
@Directive(`@key(fields: "id")`)
@Directive(`@key(fields: "uniqueId")`)
@Directive(`@key(fields: "countryCode orgNumber")`)
@ObjectType({ description: "A company or sole trader that the business invoices, finances or collects for" })
@Entity("client")
@Index("UQ_client_tenant_country_org_number", ["tenantId", "countryCode", "orgNumber"], { unique: true })
@Index("UQ_client_tenant_unique_id", ["tenantId", "uniqueId"], { unique: true })
@Index("IDX_client_tenant_created", ["tenantId", "createdAt", "id"])
@Index("IDX_client_tenant_updated", ["tenantId", "updatedAt", "id"])
@Index("IDX_client_tenant_archived", ["tenantId", "archivedAt"])
@Index("IDX_client_tenant_name", ["tenantId", "name", "id"])
@Index("IDX_client_tenant_reference_code", ["tenantId", "referenceCode"])
@Index("IDX_client_tenant_type", ["tenantId", "clientType"])
@Index("IDX_client_tenant_company_type", ["tenantId", "companyType"])
@Index("IDX_client_tenant_customer_type", ["tenantId", "customerType"])
@Index("IDX_client_tenant_active", ["tenantId", "active"])
@Index("IDX_client_tenant_blocked", ["tenantId", "blocked"])
@Index("IDX_client_parent", ["parentId"])
@Index("IDX_client_tenant_legal_name", ["tenantId", "legalName"])
@Index("IDX_client_tenant_org_number", ["tenantId", "orgNumber"])
@Index("IDX_client_tenant_vat_number", ["tenantId", "vatNumber"])
@Index("IDX_client_tenant_vat_validated", ["tenantId", "vatNumberValidated"])
@Index("IDX_client_tenant_email", ["tenantId", "email"])
@Index("IDX_client_tenant_city", ["tenantId", "city"])
@Index("IDX_client_tenant_rating", ["tenantId", "rating"])
@Index("IDX_client_tenant_currency", ["tenantId", "currencyCode"])
@Index("IDX_client_tenant_responsible_user", ["tenantId", "responsibleUser"])
// Expression indexes of the sync's lookups (src/sync/engine/apply.ts): the org and VAT numbers as a
// source may write them (dashes, spaces, case), normalised; made by migration 1796191000000.
@Index("IDX_client_tenant_country_normalised_org", { synchronize: false })
@Index("IDX_client_tenant_normalised_vat", { synchronize: false })
@Check("CHK_client_client_type", inList("client_type", Object.values(ClientType)))
@Check("CHK_client_company_type", inList("company_type", Object.values(CompanyType)))
@Check("CHK_client_customer_type", inList("customer_type", Object.values(CustomerType)))
@Check("CHK_client_payment_terms", `"payment_terms" >= 0`)
export class Client extends TenantEntity {
  @Field(() => UUID, { description: "Stable GUID (the factoring platform's clientGuid)" })
  @Column({ type: "uuid" })
  @Generated("uuid")
  uniqueId: string;

  @Field(() => String, { nullable: true, description: "Client number (the factoring platform's referenceCode)" })
  @StringColumn(50)
  referenceCode: string | null;

  @Field(() => ClientType, { description: "BUSINESS (a company) or INDIVIDUAL (a person or sole trader)" })
  @Column({ type: "varchar", length: 16, default: ClientType.BUSINESS })
  clientType: ClientType;

  @Field(() => CompanyType, { nullable: true, description: "Legal form (the factoring platform's companyType); null when no source gave one" })
  @StringColumn(64)
  companyType: CompanyType | null;

  @Field(() => CustomerType, { nullable: true, description: "The invoicing system's customer type (customer_type); clientType is its coarse kind" })
  @StringColumn(32)
  customerType: CustomerType | null;

  @Field(() => String, { description: "Name used on invoices (the CRM's corporate_name)" })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field(() => String, { nullable: true, description: "Registered legal name (fullName, legal_name)" })
  @StringColumn(255)
  legalName: string | null;

  @Field(() => String, { nullable: true, description: "Informal name of the client (the factoring platform's informalName)" })
  @StringColumn(255)
  informalName: string | null;

  @Field(() => String, { nullable: true, description: "Short name or acronym (the CRM's acronym)" })
  @StringColumn(50)
  acronym: string | null;

  /** Digits and letters only; formatted and masked on the way out (ClientFieldsResolver). */
  @StringColumn(32)
  orgNumber: string | null;

  @Field(() => CountryCode, { nullable: true, description: "ISO 3166-1 alpha-2 country of registration, which orgNumber belongs to" })
  @Column({ type: "char", length: 2, nullable: true })
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: "VAT number with its country prefix, e.g. SE556677889901; null for an INDIVIDUAL without clients:pii" })
  @StringColumn(20)
  vatNumber: string | null;

  @Field(() => Boolean, { description: "The last VIES check of vatNumber succeeded" })
  @Column({ type: "boolean", default: false })
  vatNumberValidated: boolean;

  @Field(() => DateTime, { nullable: true, description: "When vatNumber was last checked with VIES; null if never" })
  @TimestampColumn()
  vatNumberValidatedAt: Date | null;

  @Field(() => Decimal, { nullable: true, description: "VAT rate in percent" })
  @RateColumn()
  vatRate: string | null;

  @Field(() => Int, { nullable: true, description: "The CRM's VAT rate id" })
  @Column({ type: "int", nullable: true })
  vatRateId: number | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the client is registered for VAT (the CRM's flag); null when unknown" })
  @Column({ type: "boolean", nullable: true })
  registeredForTax: boolean | null;

  @Field(() => String, { nullable: true, description: "Tax office reference (the factoring platform's taxReference)" })
  @StringColumn(80)
  taxReference: string | null;

  @Field(() => EmailAddress, { nullable: true, description: "Main e-mail address" })
  @StringColumn(320)
  email: string | null;

  @Field(() => EmailAddress, { nullable: true, description: "E-mail address for invoices and administration" })
  @StringColumn(320)
  administrationEmail: string | null;

  @Field(() => EmailAddress, { nullable: true, description: "Italian certified e-mail (PEC)" })
  @StringColumn(320)
  pec: string | null;

  /**
   * FatturaPA's codes are 7 characters (6 for public administration), but the CRM documents no
   * length and its example sends 8 ("SDI12345"): the column holds what sources send, and the
   * Italian lengths are checked where they apply (client.validation: countryCode IT).
   */
  @Field(() => String, { nullable: true, description: "Italian e-invoicing recipient code (SDI codice destinatario)" })
  @StringColumn(16)
  sdiCode: string | null;

  @Field(() => String, { nullable: true, description: "Declaration of intent code" })
  @StringColumn(80)
  intentCode: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Declaration of intent date" })
  @Column({ type: "date", nullable: true })
  intentDate: string | null;

  @Field(() => String, { nullable: true, description: "Main phone number, as the source gave it" })
  @StringColumn(80)
  phone: string | null;

  @Field(() => String, { nullable: true, description: "Company PBX phone number" })
  @StringColumn(80)
  companyPhone: string | null;

  @Field(() => String, { nullable: true, description: "Contact person's cellular phone" })
  @StringColumn(80)
  cellularPhone: string | null;

  @Field(() => String, { nullable: true, description: "Primary contact person" })
  @StringColumn(255)
  contactPerson: string | null;

  @Field(() => String, { nullable: true, description: "Web site URL" })
  @StringColumn(255)
  website: string | null;

  @Field(() => String, { nullable: true, description: "LinkedIn page URL" })
  @StringColumn(255)
  linkedin: string | null;

  @Field(() => String, { nullable: true, description: "Main address - street" })
  @StringColumn(250)
  street: string | null;

  @Field(() => String, { nullable: true, description: "Main address - house number" })
  @StringColumn(20)
  houseNo: string | null;

  @Field(() => String, { nullable: true, description: "Main address - house number extension (e.g. the Dutch toevoeging)" })
  @StringColumn(20)
  houseNoExtension: string | null;

  @Field(() => String, { nullable: true, description: "Main address - postal code" })
  @StringColumn(20)
  zipCode: string | null;

  @Field(() => String, { nullable: true, description: "City (the CRM's town)" })
  @StringColumn(80)
  city: string | null;

  @Field(() => String, { nullable: true, description: "Main address - state or province code" })
  @StringColumn(10)
  stateCode: string | null;

  @Field(() => CountryCode, { nullable: true, description: "ISO 3166-1 alpha-2 country where the client is operational" })
  @Column({ type: "char", length: 2, nullable: true })
  countryCodeOfOperation: string | null;

  @Field(() => String, { nullable: true, description: "ISO 639-1 preferred language" })
  @StringColumn(8)
  languageCode: string | null;

  @Field(() => String, { nullable: true, description: "Preferred culture, e.g. sv-SE" })
  @StringColumn(16)
  defaultCultureCode: string | null;

  @Field(() => Currency, { nullable: true, description: "Ledger currency" })
  @Column({ type: "char", length: 3, nullable: true })
  currencyCode: string | null;

  @Field(() => String, { nullable: true, description: "Municipal code (Aptic municipalCode)" })
  @StringColumn(20)
  municipalCode: string | null;

  @Field(() => String, { nullable: true, description: "NACE code of the client's industry (EU activity classification)" })
  @StringColumn(10)
  naceCode: string | null;

  @Field(() => String, { nullable: true, description: "LEI number (Legal Entity Identifier, 20 characters)" })
  @StringColumn(20)
  leiNumber: string | null;

  @Field(() => String, { nullable: true, description: "GLN number (GS1 Global Location Number, 13 digits)" })
  @StringColumn(13)
  glnNumber: string | null;

  @Field(() => Decimal, { nullable: true, description: "Credit limit granted, in creditLimitCurrency (credit-data provider); null when none is known" })
  @MoneyColumn()
  creditLimit: string | null;

  @Field(() => Currency, { nullable: true, description: "ISO 4217 currency of creditLimit" })
  @Column({ type: "char", length: 3, nullable: true })
  creditLimitCurrency: string | null;

  @Field(() => String, { nullable: true, description: "Credit rating, e.g. AAA" })
  @StringColumn(16)
  rating: string | null;

  @Field(() => Int, { nullable: true, description: "Default payment terms in days" })
  @Column({ type: "int", nullable: true })
  paymentTerms: number | null;

  @Field(() => String, { nullable: true, description: "The CRM's payment condition text" })
  @StringColumn(255)
  paymentCondition: string | null;

  @Field(() => Int, { nullable: true, description: "The CRM's payment term id" })
  @Column({ type: "int", nullable: true })
  paymentTermId: number | null;

  @Field(() => Int, { nullable: true, description: "The CRM's bank account id" })
  @Column({ type: "int", nullable: true })
  bankAccountId: number | null;

  @Field(() => Int, { nullable: true, description: "The CRM's client group id" })
  @Column({ type: "int", nullable: true })
  groupId: number | null;

  @Field(() => Int, { nullable: true, description: "The CRM's group company" })
  @Column({ type: "int", nullable: true })
  groupCompany: number | null;

  @Field(() => Int, { nullable: true, description: "The factoring platform's ledger type" })
  @Column({ type: "int", nullable: true })
  ledgerType: number | null;

  @Field(() => String, { nullable: true, description: "The factoring platform's master PIN code" })
  @StringColumn(20)
  masterPinCode: string | null;

  @Field(() => String, { nullable: true, description: "Base64 PNG logotype for documents" })
  @Column({ type: "text", nullable: true })
  logotype: string | null;

  @Field(() => String, { nullable: true, description: "Base64 PNG logotype for web portals" })
  @Column({ type: "text", nullable: true })
  webLogotype: string | null;

  @Field(() => String, { nullable: true, description: "Name of default pricelist template to apply to the client" })
  @StringColumn(80)
  pricelistTemplate: string | null;

  @Field(() => String, { nullable: true, description: "Name of default parameter template to apply to the client" })
  @StringColumn(80)
  parameterTemplate: string | null;

  @Field(() => String, { nullable: true, description: "Name of chart of account template to apply to the client" })
  @StringColumn(80)
  chartOfAccountTemplate: string | null;

  @Field(() => Boolean, { description: "Whether the client is active; false for a client the sources mark inactive" })
  @Column({ type: "boolean", default: true })
  active: boolean;

  @Field(() => Boolean, { description: "Blocked for remittance" })
  @Column({ type: "boolean", default: false })
  blocked: boolean;

  @Field(() => String, { nullable: true, description: "Free-text internal notes" })
  @Column({ type: "text", nullable: true })
  notes: string | null;

  @Field(() => String, { nullable: true, description: "Free-text description of the client" })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Column({ type: "bigint", nullable: true })
  parentId: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The user responsible for the client: the JWT subject (`sub`) of their token. createClient and bulkCreateClients set it to the caller's subject when the input leaves it out; updateClient changes it (null clears it); a client a sync creates has none until someone sets it. clientsSummary.myClients counts the caller's",
  })
  @StringColumn(255)
  responsibleUser: string | null;

  @ManyToOne(() => Client, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "parent_id" })
  parent?: Client | null;

  @Field(() => DateTime, { description: "When the client was created in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When any field of the client last changed" })
  @UpdatedAt()
  updatedAt: Date;

  @Field(() => DateTime, { nullable: true, description: "Set when archived (soft-deleted)" })
  @TimestampColumn()
  archivedAt: Date | null;
}
