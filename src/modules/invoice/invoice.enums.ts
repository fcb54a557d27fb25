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
registerEnumType(InvoiceStatus, {
  name: "InvoiceStatus",
  description: "Where an invoice is in its life",
  valuesConfig: {
    DRAFT: { description: "Created but not yet sent to the customer" },
    SENT: { description: "Sent and not yet due, nothing paid" },
    PARTIALLY_PAID: { description: "Part of the total has been paid" },
    PAID: { description: "Paid in full" },
    OVERDUE: { description: "Past its due date and not paid in full" },
    CREDITED: { description: "Cancelled by a credit note" },
    CANCELLED: { description: "Voided before being paid" },
  },
});

/** The statuses of an invoice that still waits for (part of) its money: `Client.openInvoices`, the summary. */
export const OPEN_INVOICE_STATUSES: readonly InvoiceStatus[] = [
  InvoiceStatus.SENT,
  InvoiceStatus.PARTIALLY_PAID,
  InvoiceStatus.OVERDUE,
];
