import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Decimal } from "../../common/scalars";
import { keyOf } from "../../common/loaders";
import { databaseField, dbFreeFields, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientSummary } from "./client-summary.type";
import { accountsSummaryLoader, clientSummaryLoader } from "./summary.loaders";
import { accountSummaryLine, ClientAccountSummary } from "./account-summary.type";
import { SUMMARY_CLIENT } from "./client-summary-charts.resolver";

// The summary keeps its client's id (not a GraphQL field) for the fields beneath it that read per client (charts).
const loadSummary = databaseField("Client", "summary", (client: Client, _args: NoArgs, ctx) =>
  ctx.loaders.get(clientSummaryLoader).load(keyOf(client)).then((summary): ClientSummary => Object.assign(summary, { [SUMMARY_CLIENT]: keyOf(client) })),
);
const loadAccountsSummary = databaseField("Client", "accountsSummary", async (client: Client, _args: NoArgs, ctx): Promise<ClientAccountSummary[] | null> => {
  const { items } = await ctx.loaders.get(accountsSummaryLoader).load(keyOf(client));
  return items === null ? null : items.map(accountSummaryLine);
});

/** `Client.summary`: one statement per batch of clients. */
@Resolver(() => Client)
export class ClientSummaryResolver {
  @FieldResolver(() => ClientSummary, { description: "Counts and totals over the client's related data" })
  summary(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientSummary> {
    return loadSummary(client, {}, ctx);
  }

  @FieldResolver(() => [ClientAccountSummary], {
    nullable: true,
    description: "The factoring platform's accounts summary of the client, as Aptic last sent it (one line per kind of account and currency); null when no Aptic source has sent one",
  })
  accountsSummary(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientAccountSummary[] | null> {
    return loadAccountsSummary(client, {}, ctx);
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
