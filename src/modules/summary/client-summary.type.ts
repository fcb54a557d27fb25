import { Field, Int, ObjectType } from "type-graphql";
import { Currency, Decimal } from "../../common/scalars";

/** An amount in one currency: amounts of different currencies are never added together. */
@ObjectType({ description: "A total in one currency" })
export class CurrencyAmount {
  @Field(() => Currency, { description: "ISO 4217 currency of amount" })
  currencyCode: string;

  @Field(() => Decimal, { description: "The total, in currencyCode" })
  amount: string;

  @Field(() => Int, { description: "How many items make up the amount" })
  count: number;
}

/** Counts and totals over a client's related rows, read in one statement per batch (summary.loaders.ts). */
@ObjectType({ description: "Counts and totals over everything the gateway holds for a client" })
export class ClientSummary {
  @Field(() => Int, { description: "Invoices of the client, in any status" })
  invoiceCount: number;

  @Field(() => Int, { description: "Invoices in SENT, PARTIALLY_PAID or OVERDUE" })
  openInvoiceCount: number;

  @Field(() => [CurrencyAmount], { description: "What the open invoices still owe (totalAmount - paidAmount), per currency, by currency code" })
  openInvoiceAmounts: CurrencyAmount[];

  @Field(() => Int, { description: "Open invoices past their due date (status OVERDUE, or SENT / PARTIALLY_PAID with dueDate before today)" })
  overdueInvoiceCount: number;

  @Field(() => Int, { description: "Invoices purchased (factored) by the finance company" })
  purchasedInvoiceCount: number;

  @Field(() => Int, { description: "Bank accounts of the client" })
  bankAccountCount: number;

  @Field(() => Int, { description: "Direct debit mandates not closed and not expired" })
  activeMandateCount: number;

  @Field(() => Int, { description: "Parameters set on the client" })
  parameterCount: number;

  @Field(() => Int, { description: "Pricelists of the client" })
  pricelistCount: number;

  @Field(() => Int, { description: "Extra fields of the client" })
  extraFieldCount: number;

  @Field(() => Int, { description: "Acts (financial statements) of the client" })
  actCount: number;

  @Field(() => Int, { nullable: true, description: "Cases (collection) of the client, from the factoring platform's client summary as Aptic last sent it; null when no Aptic source has the client (the gateway holds no cases)" })
  cases: number | null;
}
