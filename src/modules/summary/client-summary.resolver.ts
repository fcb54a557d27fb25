import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Decimal } from "../../common/scalars";
import { keyOf } from "../../common/loaders";
import { databaseField, dbFreeFields, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientSummary } from "./client-summary.type";
import { clientSummaryLoader } from "./summary.loaders";
import { SUMMARY_CLIENT } from "./client-summary-charts.resolver";

// The summary keeps its client's id (not a GraphQL field) for the fields beneath it that read per client (charts).
const loadSummary = databaseField("Client", "summary", (client: Client, _args: NoArgs, ctx) =>
  ctx.loaders.get(clientSummaryLoader).load(keyOf(client)).then((summary): ClientSummary => Object.assign(summary, { [SUMMARY_CLIENT]: keyOf(client) })),
);

/** `Client.summary`: one statement per batch of clients. */
@Resolver(() => Client)
export class ClientSummaryResolver {
  @FieldResolver(() => ClientSummary, { description: "Counts and totals over the client's related data" })
  summary(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientSummary> {
    return loadSummary(client, {}, ctx);
  }
}

dbFreeFields("ClientSummary", ["openInvoiceAmount"]);

/** ClientSummary's deprecated single open amount, kept for callers written before per-currency amounts. */
@Resolver(() => ClientSummary)
export class ClientSummaryFieldsResolver {
  @FieldResolver(() => Decimal, {
    nullable: true,
    deprecationReason: "Amounts of different currencies can't be added: use openInvoiceAmounts",
    description: "What the open invoices still owe when they share one currency; null when they are in several",
  })
  openInvoiceAmount(@Root() summary: ClientSummary): string | null {
    const amounts = summary.openInvoiceAmounts;
    if (amounts.length === 0) return "0.00";
    return amounts.length === 1 ? amounts[0].amount : null;
  }
}
