import { Field, Int, ObjectType } from "type-graphql";
import { Currency, DateScalar, DateTime, Decimal } from "../../common/scalars";

/** Where a summary's figures come from: the source that computed them, or the gateway (source null). Not GraphQL fields themselves. */
export interface SummaryOrigin {
  tenantId: string;
  /** The source system whose summary this is; null: computed by the gateway. */
  sourceSystemId: string | null;
}

/**
 * The balance of a factoring loan (not stored here): the figures of the factoring platform's
 * summary (seed 003) as Aptic last sent them when an Aptic source has the client, each figure
 * Aptic's summary lacks computed by the gateway from its own rows (computedFigures names them;
 * `source` says whose summary it is). The gateway's own figures (drawnBalance...) are always
 * computed from the transactions it holds.
 */
@ObjectType({ description: "The balance of a factoring loan: the platform's summary figures as synced from Aptic (source set), each figure Aptic's summary lacks (or all, source null) computed by the gateway from its own data and named in computedFigures; drawnBalance..transactionCount are always computed from the transactions held here" })
export class FactoringLoanSummary implements SummaryOrigin {
  tenantId: string;
  sourceSystemId: string | null;

  @Field(() => DateTime, { description: "When the figures were true: the last time a run read them from the source, or now when computed" })
  asOf: Date;

  @Field(() => Decimal, { nullable: true, description: "Interest accrued but not yet booked as a transaction. Computed: null (the gateway books no interest)" })
  untransactedInterest: string | null;

  @Field(() => Decimal, { nullable: true, description: "Creditor fees charged. Computed: the sum of FEE transactions" })
  totalCreditorFeeAmount: string | null;

  @Field(() => Decimal, { nullable: true, description: "The loan's balance. Computed: drawnBalance" })
  currentBalance: string | null;

  @Field(() => Decimal, { nullable: true, description: "The balance in percent of the limit. Computed: currentBalance / limit * 100, null without a limit" })
  currentPercent: string | null;

  @Field(() => Decimal, { nullable: true, description: "The invoices the loan is drawn against. Computed: what the client's open invoices still owe, in the contract's currency (the client's when the contract has none; every currency only when neither has one)" })
  totalInvoiceAmount: string | null;

  @Field(() => Decimal, { nullable: true, description: "The pledged part of those invoices. Computed: totalInvoiceAmount * maxPercent / 100, null without maxPercent" })
  totalPledgeAmount: string | null;

  @Field(() => Decimal, { nullable: true, description: "What the limit leaves to draw. Computed: available" })
  totLoanAvailable: string | null;

  @Field(() => Decimal, { nullable: true, description: "What may be drawn at maxPercent. Computed: least(limit, totalInvoiceAmount * maxPercent / 100) - currentBalance, at least 0; null (unknown) without maxPercent" })
  maxAvailable: string | null;

  @Field(() => Decimal, { nullable: true, description: "What is drawn automatically at autoPercent. Computed: least(limit, totalInvoiceAmount * autoPercent / 100) - currentBalance, at least 0; null (unknown) without autoPercent" })
  autoAvailable: string | null;

  @Field(() => [String], { description: "The names of the figures above (untransactedInterest..autoAvailable) the gateway computed because the source's summary has no such figure, or all of them when no source sent a summary (source null); the others are as synced" })
  computedFigures: string[];

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

  @Field(() => DateScalar, { nullable: true, description: "Date of the loan's latest transaction; null when it has none" })
  lastTransactionDate: string | null;

  @Field(() => Int, { description: "Number of transactions on the loan" })
  transactionCount: number;
}

/**
 * How much of a purchase contract's limits the client's purchased, unpaid invoices use (not
 * stored): the platform's summary figures (seed 003) as Aptic last sent them, each one Aptic's
 * summary lacks computed by the gateway from its invoices (computedFigures names them). purchasedInvoiceCount..available are always the
 * gateway's own.
 */
@ObjectType({ description: "The client's purchased invoices against the purchase contract's limits: the platform's summary figures as synced from Aptic (source set), each figure Aptic's summary lacks (or all, source null) computed by the gateway from its invoices and named in computedFigures; purchasedInvoiceCount..available are always computed from the invoices held here, in the contract's currency" })
export class FactoringPurchaseSummary implements SummaryOrigin {
  tenantId: string;
  sourceSystemId: string | null;

  @Field(() => DateTime, { description: "When the figures were true: the last time a run read them from the source, or now when computed" })
  asOf: Date;

  @Field(() => Int, { nullable: true, description: "Purchased invoices not yet settled. Computed: outstandingCount" })
  numberOfInvoices: number | null;

  @Field(() => Decimal, { nullable: true, description: "Current purchases without recourse. Computed: outstandingWithoutRecourse" })
  currentPurchaseNonRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "Current purchases with recourse. Computed: outstandingWithRecourse" })
  currentPurchaseRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "Current purchases. Computed: outstandingTotal" })
  currentPurchase: string | null;

  @Field(() => Decimal, { nullable: true, description: "Deposit still held. Computed: null (the gateway keeps no deposits)" })
  remainingDeposit: string | null;

  @Field(() => Int, { nullable: true, description: "Invoices ever purchased. Computed: purchasedInvoiceCount" })
  totalNumberOfInvoices: number | null;

  @Field(() => Decimal, { nullable: true, description: "Everything purchased without recourse (or recourse unknown). Computed from the purchased invoices' totalAmount" })
  totalPurchaseNonRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "Everything purchased with recourse. Computed from the purchased invoices' totalAmount" })
  totalPurchaseRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "Everything purchased. Computed: purchasedAmount" })
  totalPurchase: string | null;

  @Field(() => Decimal, { nullable: true, description: "Deposits ever held. Computed: null (the gateway keeps no deposits)" })
  totalDeposit: string | null;

  @Field(() => [String], { description: "The names of the figures above (numberOfInvoices..totalDeposit) the gateway computed because the source's summary has no such figure, or all of them when no source sent a summary (source null); the others are as synced" })
  computedFigures: string[];

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

  @Field(() => Decimal, { description: "Outstanding amount of all purchased invoices not PAID, CREDITED or CANCELLED" })
  outstandingTotal: string;

  @Field(() => Decimal, { nullable: true, description: "The contract's total purchase limit (copied from the contract); null when none" })
  limit: string | null;

  @Field(() => Decimal, { nullable: true, description: "The contract's limit for invoices purchased with recourse; null when none" })
  recourseLimit: string | null;

  @Field(() => Decimal, { nullable: true, description: "The contract's limit for invoices purchased without recourse; null when none" })
  nonRecourseLimit: string | null;

  @Field(() => Decimal, { nullable: true, description: "recourseLimit - outstandingWithRecourse, at least 0" })
  availableWithRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "nonRecourseLimit - outstandingWithoutRecourse, at least 0" })
  availableWithoutRecourse: string | null;

  @Field(() => Decimal, { nullable: true, description: "limit - outstandingTotal, at least 0" })
  available: string | null;
}
