import { Field, Int, ObjectType } from "type-graphql";
import { Decimal, JSONScalar } from "../../common/scalars";

/**
 * One line of the factoring platform's accounts summary of a client (seed 003's
 * `/clients/{guid}/accounts/summary`, whose items the document leaves open): the figures Aptic's
 * simulator and known deployments send, typed, and every field as sent in `fields`.
 */
@ObjectType({ description: "One line of the factoring platform's accounts summary of a client, as Aptic last sent it" })
export class ClientAccountSummary {
  @Field(() => String, { nullable: true, description: "The kind of account the line sums (e.g. INVOICE, CASE)" })
  accountType: string | null;

  @Field(() => String, { nullable: true, description: "The line's currency (ISO 4217), as sent" })
  currencyCode: string | null;

  @Field(() => Int, { nullable: true, description: "How many accounts the line sums" })
  numberOfAccounts: number | null;

  @Field(() => Decimal, { nullable: true, description: "What the accounts still owe" })
  openAmount: string | null;

  @Field(() => Decimal, { nullable: true, description: "What of it is past due" })
  overdueAmount: string | null;

  @Field(() => Decimal, { nullable: true, description: "The accounts' balance, when the platform sends one" })
  balance: string | null;

  @Field(() => JSONScalar, { description: "Every field of the line as Aptic sent it (numbers as decimal strings)" })
  fields: Record<string, unknown>;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const text = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));
const decimal = (value: unknown): string | null => (typeof value === "string" && DECIMAL.test(value) ? value : null);

/** A stored line (source_summary.figures of kind ACCOUNTS) as the GraphQL type. */
export function accountSummaryLine(fields: Record<string, unknown>): ClientAccountSummary {
  const count = text(fields.numberOfAccounts);
  return {
    accountType: text(fields.accountType),
    currencyCode: text(fields.currencyCode),
    numberOfAccounts: count !== null && /^\d{1,9}$/.test(count) ? Number(count) : null,
    openAmount: decimal(fields.openAmount),
    overdueAmount: decimal(fields.overdueAmount),
    balance: decimal(fields.balance),
    fields,
  };
}
