import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { assertPageSize } from "../../common/pagination/page-size";
import { keyOf } from "../../common/loaders";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { FactoringLoanContract } from "./factoring-loan-contract.entity";
import { FactoringLoanTransaction } from "./factoring-loan-transaction.entity";
import { FactoringPurchaseContract } from "./factoring-purchase-contract.entity";
import { FactoringLoanSummary, FactoringPurchaseSummary } from "./factoring-summary.types";
import {
  latestTransactionsByContract,
  loanContractByClient,
  loanSummaryByContract,
  purchaseContractByClient,
  purchaseSummaryByClient,
} from "./factoring.loaders";

const MAX_TRANSACTIONS = 100;

/** `Client.factoringLoanContract` and `Client.factoringPurchaseContract`, batched per request. */
@Resolver(() => Client)
export class FactoringClientFieldResolver {
  @FieldResolver(() => FactoringLoanContract, { nullable: true })
  factoringLoanContract(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<FactoringLoanContract | null> {
    return ctx.loaders.get(loanContractByClient).load(keyOf(client));
  }

  @FieldResolver(() => FactoringPurchaseContract, { nullable: true })
  factoringPurchaseContract(
    @Root() client: Client,
    @Ctx() ctx: RequestContext,
  ): Promise<FactoringPurchaseContract | null> {
    return ctx.loaders.get(purchaseContractByClient).load(keyOf(client));
  }
}

/** A loan's newest transactions and its balance summary. */
@Resolver(() => FactoringLoanContract)
export class FactoringLoanContractFieldResolver {
  @FieldResolver(() => [FactoringLoanTransaction], { description: "Newest first (transactionDate, then id)" })
  latestTransactions(
    @Root() contract: FactoringLoanContract,
    @Ctx() ctx: RequestContext,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10, description: `1..${MAX_TRANSACTIONS}` })
    first: number | null,
  ): Promise<FactoringLoanTransaction[]> {
    return ctx.loaders.get(latestTransactionsByContract).load({ ...keyOf(contract), first: assertPageSize(first, MAX_TRANSACTIONS) });
  }

  @FieldResolver(() => FactoringLoanSummary)
  summary(@Root() contract: FactoringLoanContract, @Ctx() ctx: RequestContext): Promise<FactoringLoanSummary> {
    return ctx.loaders.get(loanSummaryByContract).load(keyOf(contract));
  }
}

/** A purchase contract's use of its limits by the client's purchased invoices. */
@Resolver(() => FactoringPurchaseContract)
export class FactoringPurchaseContractFieldResolver {
  @FieldResolver(() => FactoringPurchaseSummary)
  summary(@Root() contract: FactoringPurchaseContract, @Ctx() ctx: RequestContext): Promise<FactoringPurchaseSummary> {
    return ctx.loaders.get(purchaseSummaryByClient).load({ tenantId: contract.tenantId, id: contract.clientId });
  }
}
