import { Field, Int, ObjectType } from "type-graphql";
import { Currency, DateScalar, Decimal } from "../../common/scalars";

/** The balance of a factoring loan, aggregated from its transactions (not stored). */
@ObjectType({ description: "The balance of a factoring loan, computed from its transactions" })
export class FactoringLoanSummary {
  @Field(() => Decimal, { nullable: true, description: "The contract's limit" })
  limit: string | null;

  @Field(() => Decimal, { description: "DRAWDOWN + INTEREST + FEE - REPAYMENT" })
  drawnBalance: string;

  @Field(() => Decimal, { nullable: true, description: "limit - drawnBalance, at least 0; null without a limit" })
  available: string | null;

  @Field(() => Decimal, { description: "Sum of INTEREST" })
  accruedInterest: string;

  @Field(() => Decimal, { description: "Sum of FEE" })
  fees: string;

  @Field(() => Decimal, { description: "Sum of DRAWDOWN" })
  totalDrawn: string;

  @Field(() => Decimal, { description: "Sum of REPAYMENT" })
  totalRepaid: string;

  @Field(() => DateScalar, { nullable: true })
  lastTransactionDate: string | null;

  @Field(() => Int)
  transactionCount: number;
}

/** How much of a purchase contract's limits the client's purchased, unpaid invoices use (not stored). */
@ObjectType({ description: "The client's purchased invoices in the contract's currency against the purchase contract's limits" })
export class FactoringPurchaseSummary {
  @Field(() => Currency, { nullable: true, description: "The currency of every figure: the contract's, else the client's (null: neither has one, and every invoice counts)" })
  currencyCode: string | null;

  @Field(() => Int, { description: "Invoices purchased, whatever their status" })
  purchasedInvoiceCount: number;

  @Field(() => Decimal, { description: "Sum of totalAmount of the purchased invoices" })
  purchasedAmount: string;

  @Field(() => Int, { description: "Purchased invoices not PAID, CREDITED or CANCELLED" })
  outstandingCount: number;

  @Field(() => Decimal, { description: "Outstanding of those purchased with recourse" })
  outstandingWithRecourse: string;

  @Field(() => Decimal, { description: "Outstanding of those purchased without recourse (or recourse unknown)" })
  outstandingWithoutRecourse: string;

  @Field(() => Decimal)
  outstandingTotal: string;

  @Field(() => Decimal, { nullable: true })
  limit: string | null;

  @Field(() => Decimal, { nullable: true })
  recourseLimit: string | null;

  @Field(() => Decimal, { nullable: true })
  nonRecourseLimit: string | null;

  @Field(() => Decimal, { nullable: true, description: "recourseLimit - outstandingWithRecourse, at least 0" })
  availableWithRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "nonRecourseLimit - outstandingWithoutRecourse, at least 0" })
  availableWithoutRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "limit - outstandingTotal, at least 0" })
  available: string | null;
}
