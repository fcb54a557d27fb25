import { registerEnumType } from "type-graphql";

/** Where an invoice is in its life, as the invoicing system reports it. */
export enum InvoiceStatus {
  DRAFT = "DRAFT",
  SENT = "SENT",
  PARTIALLY_PAID = "PARTIALLY_PAID",
  PAID = "PAID",
  OVERDUE = "OVERDUE",
  CREDITED = "CREDITED",
  CANCELLED = "CANCELLED",
}
registerEnumType(InvoiceStatus, { name: "InvoiceStatus", description: "Where an invoice is in its life" });

/** The statuses of an invoice that still waits for (part of) its money: `Client.openInvoices`, the summary. */
export const OPEN_INVOICE_STATUSES: readonly InvoiceStatus[] = [
  InvoiceStatus.SENT,
  InvoiceStatus.PARTIALLY_PAID,
  InvoiceStatus.OVERDUE,
];
