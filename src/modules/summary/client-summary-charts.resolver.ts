import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { TenantKey } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { ClientSummary } from "./client-summary.type";
import { CHARTS_DESCRIPTION, clientChartsLoader, MonthlyOpenAmount } from "./open-amount-chart";

/** Where a ClientSummary keeps the key of its client (set by Client.summary's load). */
export const SUMMARY_CLIENT = Symbol("summary client");

type KeyedSummary = ClientSummary & { [SUMMARY_CLIENT]?: TenantKey };

const loadCharts = databaseField("ClientSummary", "charts", async (summary: KeyedSummary, _args: NoArgs, ctx): Promise<MonthlyOpenAmount[]> => {
  const key = summary[SUMMARY_CLIENT];
  return key ? (await ctx.loaders.get(clientChartsLoader).load(key)).charts : [];
});

/** ClientSummary.charts: the client's open amount per month, one statement per batch of clients. */
@Resolver(() => ClientSummary)
export class ClientSummaryChartsResolver {
  @FieldResolver(() => [MonthlyOpenAmount], { description: `The client's invoices. ${CHARTS_DESCRIPTION}` })
  charts(@Root() summary: KeyedSummary, @Ctx() ctx: RequestContext): Promise<MonthlyOpenAmount[]> {
    return loadCharts(summary, {}, ctx);
  }
}
