import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { ClientAccount } from "./client-account.entity";
import { accountsByClient } from "./client-account.loaders";

const loadAccounts = databaseField("Client", "chartOfAccounts", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(accountsByClient).load(keyOf(client)));

/** Client.chartOfAccounts, batched per request. */
@Resolver(() => Client)
export class ClientChartOfAccountsFieldResolver {
  @FieldResolver(() => [ClientAccount], { description: "The client's chart of accounts (from the chart-of-account template applied on create), by account number" })
  chartOfAccounts(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientAccount[]> {
    return loadAccounts(client, {}, ctx);
  }
}
