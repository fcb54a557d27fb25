import { FieldResolver, Resolver, Root } from "type-graphql";
import { dbFreeFields } from "../../common/prefetch";
import { Decimal } from "../../common/scalars";
import { subtractDecimal } from "./decimal";
import { Invoice } from "./invoice.entity";

dbFreeFields("Invoice", ["outstandingAmount"]);

/** The computed fields of an invoice. */
@Resolver(() => Invoice)
export class InvoiceFieldsResolver {
  @FieldResolver(() => Decimal, { description: "totalAmount - paidAmount, exactly (negative when overpaid)" })
  outstandingAmount(@Root() invoice: Invoice): string {
    return subtractDecimal(invoice.totalAmount, invoice.paidAmount);
  }
}
