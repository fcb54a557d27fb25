import { Field, Int, ObjectType } from "type-graphql";
import { Decimal } from "../../common/scalars";

/** Counts and totals over a client's related rows, read in one statement per batch (summary.loaders.ts). */
@ObjectType({ description: "Counts and totals over everything the gateway holds for a client" })
export class ClientSummary {
  @Field(() => Int)
  invoiceCount: number;

  @Field(() => Int, { description: "Invoices in SENT, PARTIALLY_PAID or OVERDUE" })
  openInvoiceCount: number;

  @Field(() => Decimal, { description: "Sum of totalAmount - paidAmount over the open invoices" })
  openInvoiceAmount: string;

  @Field(() => Int, { description: "Invoices in status OVERDUE" })
  overdueInvoiceCount: number;

  @Field(() => Int, { description: "Invoices purchased (factored) by the finance company" })
  purchasedInvoiceCount: number;

  @Field(() => Int)
  bankAccountCount: number;

  @Field(() => Int, { description: "Direct debit mandates not closed and not expired" })
  activeMandateCount: number;

  @Field(() => Int)
  parameterCount: number;

  @Field(() => Int)
  extraFieldCount: number;

  @Field(() => Int)
  actCount: number;
}
