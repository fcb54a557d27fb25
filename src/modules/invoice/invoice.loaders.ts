import { hasMany } from "../../common/loaders";
import { Invoice } from "./invoice.entity";
import { OPEN_INVOICE_STATUSES } from "./invoice.enums";

/** A client's open invoices (SENT, PARTIALLY_PAID, OVERDUE), the first due first: one statement per batch. */
export const openInvoicesLoader = hasMany("Client.openInvoices", Invoice, {
  parentColumn: "clientId",
  orderBy: [["dueDate", "ASC"]],
  where: `r.status IN (${OPEN_INVOICE_STATUSES.map((status) => `'${status}'`).join(", ")})`,
});
