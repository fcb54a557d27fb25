import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, inList, MoneyColumn, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { Currency, DateScalar, DateTime, Decimal } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { InvoiceStatus } from "./invoice.enums";
import { SourceSystem } from "../../sources/source-system.entity";

/** An invoice the client sent to one of its debtors; `outstandingAmount` lives in InvoiceFieldsResolver. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "An invoice of the client, from the invoicing system" })
@Entity("invoice")
@Index("IDX_invoice_tenant_client", ["tenantId", "clientId"])
@Index("IDX_invoice_client", ["clientId"])
@Index("IDX_invoice_tenant_client_status", ["tenantId", "clientId", "status"])
@Index("IDX_invoice_tenant_due_date", ["tenantId", "dueDate"])
@Index("UQ_invoice_tenant_invoice_number", ["tenantId", "invoiceNumber"], { unique: true })
@Index("UQ_invoice_tenant_source_system_source_id", ["tenantId", "sourceSystemId", "sourceId"], { unique: true, where: `"source_system_id" IS NOT NULL` })
@Index("IDX_invoice_source_system", ["sourceSystemId"])
@Check("CHK_invoice_status", inList("status", Object.values(InvoiceStatus)))
export class Invoice extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field({ description: "The invoice number as the invoicing system shows it" })
  @StringColumn(50, { nullable: false })
  invoiceNumber: string;

  @Field(() => InvoiceStatus, { description: "Where the invoice is in its life (sent, paid, overdue...)" })
  @Column({ type: "varchar", length: 20 })
  status: InvoiceStatus;

  @Field(() => Currency, { description: "ISO 4217 currency of the amounts" })
  @Column({ type: "char", length: 3 })
  currencyCode: string;

  @Field(() => Decimal, { description: "Invoice total including VAT, in currencyCode" })
  @MoneyColumn({ nullable: false })
  totalAmount: string;

  @Field(() => Decimal, { description: "Amount paid so far, in currencyCode" })
  @MoneyColumn({ nullable: false, default: 0 })
  paidAmount: string;

  @Field(() => DateScalar, { description: "The date the invoice was issued" })
  @Column({ type: "date" })
  issueDate: string;

  @Field(() => DateScalar, { description: "The date payment is due; null for a draft without one" })
  @Column({ type: "date" })
  dueDate: string;

  @Field(() => DateTime, { nullable: true, description: "When the finance company purchased (factored) the invoice" })
  @Column({ type: "timestamptz", nullable: true })
  purchasedAt: Date | null;

  @Field(() => Boolean, { nullable: true, description: "Purchased with recourse" })
  @Column({ type: "boolean", nullable: true })
  purchaseRecourse: boolean | null;

  /** The invoicing system the invoice is synced from; null for one written here. */
  @Column({ type: "bigint", nullable: true })
  sourceSystemId: string | null;

  @ManyToOne(() => SourceSystem, { onDelete: "SET NULL" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  /** The invoice's id in that system. */
  @StringColumn(255)
  sourceId: string | null;

  @Field(() => DateTime, { description: "When the invoice was first stored in the gateway" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When the invoice was last changed in the gateway" })
  @UpdatedAt()
  updatedAt: Date;
}
