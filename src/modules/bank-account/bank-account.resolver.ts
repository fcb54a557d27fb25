import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { BankAccount } from "./bank-account.entity";
import { bankAccountsByClient } from "./bank-account.loaders";

/** Client.bankAccounts, batched per request. */
@Resolver(() => Client)
export class ClientBankAccountsFieldResolver {
  @FieldResolver(() => [BankAccount], { description: "By priority (lower first, unset last), then id" })
  bankAccounts(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<BankAccount[]> {
    return ctx.loaders.get(bankAccountsByClient).load(keyOf(client));
  }
}
