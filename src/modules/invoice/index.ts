import { ClientInvoicesResolver } from "./client-invoices.resolver";
import { Invoice } from "./invoice.entity";
import { InvoiceFieldsResolver } from "./invoice-fields.resolver";

export { Invoice } from "./invoice.entity";
export { InvoiceStatus, OPEN_INVOICE_STATUSES } from "./invoice.enums";
export { subtractDecimal } from "./decimal";

export const invoiceEntities = [Invoice];
export const invoiceResolvers = [ClientInvoicesResolver, InvoiceFieldsResolver] as const;
