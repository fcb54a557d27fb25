import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { BankAccount } from "./bank-account.entity";
import { bankAccountsByClient } from "./bank-account.loaders";

const loadBankAccounts = databaseField("Client", "bankAccounts", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(bankAccountsByClient).load(keyOf(client)));

/** Client.bankAccounts, batched per request. */
@Resolver(() => Client)
export class ClientBankAccountsFieldResolver {
  @FieldResolver(() => [BankAccount], { description: "By priority (lower first, unset last), then id" })
  bankAccounts(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<BankAccount[]> {
    return loadBankAccounts(client, {}, ctx);
  }
}
