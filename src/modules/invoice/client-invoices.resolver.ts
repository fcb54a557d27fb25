import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { Invoice } from "./invoice.entity";
import { openInvoicesLoader } from "./invoice.loaders";

const loadOpenInvoices = databaseField("Client", "openInvoices", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(openInvoicesLoader).load(keyOf(client)));

/** The invoice fields of a client, batched per request by dataloader. */
@Resolver(() => Client)
export class ClientInvoicesResolver {
  @FieldResolver(() => [Invoice], {
    description: "Invoices still waiting for money (SENT, PARTIALLY_PAID, OVERDUE), the first due first",
  })
  openInvoices(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Invoice[]> {
    return loadOpenInvoices(client, {}, ctx);
  }
}
