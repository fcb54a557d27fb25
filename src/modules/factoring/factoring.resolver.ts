import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { Client } from "../client/client.entity";
import { FactoringLoanContract } from "./factoring-loan-contract.entity";
import { FactoringPurchaseContract } from "./factoring-purchase-contract.entity";
import { FactoringLoanSummary, FactoringPurchaseSummary, SummaryOrigin } from "./factoring-summary.types";
import { SourceSystem } from "../../sources/source-system.entity";
import { sourceSystemById } from "../../sources/source-system.loaders";
import {
  loanContractByClient,
  loanSummaryByContract,
  purchaseContractByClient,
  purchaseSummaryByClient,
} from "./factoring.loaders";

const loadLoanContract = databaseField("Client", "factoringLoanContract", (client: Client, _args: NoArgs, ctx) =>
  ctx.loaders.get(loanContractByClient).load(keyOf(client)),
);
const loadPurchaseContract = databaseField("Client", "factoringPurchaseContract", (client: Client, _args: NoArgs, ctx) =>
  ctx.loaders.get(purchaseContractByClient).load(keyOf(client)),
);
const loadLoanSummary = databaseField("FactoringLoanContract", "summary", (contract: FactoringLoanContract, _args: NoArgs, ctx) =>
  ctx.loaders.get(loanSummaryByContract).load(keyOf(contract)),
);
const loadPurchaseSummary = databaseField("FactoringPurchaseContract", "summary", (contract: FactoringPurchaseContract, _args: NoArgs, ctx) =>
  ctx.loaders.get(purchaseSummaryByClient).load({ tenantId: contract.tenantId, id: contract.clientId }),
);

const summarySource = (summary: SummaryOrigin, ctx: RequestContext): Promise<SourceSystem | null> | null =>
  summary.sourceSystemId === null ? null : ctx.loaders.get(sourceSystemById).load({ tenantId: summary.tenantId, id: summary.sourceSystemId });
const loadLoanSummarySource = databaseField("FactoringLoanSummary", "source", (summary: FactoringLoanSummary, _args: NoArgs, ctx) => summarySource(summary, ctx));
const loadPurchaseSummarySource = databaseField("FactoringPurchaseSummary", "source", (summary: FactoringPurchaseSummary, _args: NoArgs, ctx) => summarySource(summary, ctx));

/** `Client.factoringLoanContract` and `Client.factoringPurchaseContract`, batched per request. */
@Resolver(() => Client)
export class FactoringClientFieldResolver {
  @FieldResolver(() => FactoringLoanContract, { nullable: true, description: "The client's factoring loan contract (Aptic's loan contract: limit, interest and fees); null when the client has none" })
  factoringLoanContract(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<FactoringLoanContract | null> {
    return loadLoanContract(client, {}, ctx);
  }

  @FieldResolver(() => FactoringPurchaseContract, { nullable: true, description: "The client's factoring purchase contract (the terms on which its invoices are purchased: limits and fees); null when the client has none" })
  factoringPurchaseContract(
    @Root() client: Client,
    @Ctx() ctx: RequestContext,
  ): Promise<FactoringPurchaseContract | null> {
    return loadPurchaseContract(client, {}, ctx);
  }
}

/** A loan's balance summary (its transactions: factoring-transactions.resolver.ts). */
@Resolver(() => FactoringLoanContract)
export class FactoringLoanContractFieldResolver {
  @FieldResolver(() => FactoringLoanSummary, { description: "Totals computed from the contract's transactions or purchased invoices, or the source's own summary" })
  summary(@Root() contract: FactoringLoanContract, @Ctx() ctx: RequestContext): Promise<FactoringLoanSummary> {
    return loadLoanSummary(contract, {}, ctx);
  }
}

/** A purchase contract's use of its limits by the client's purchased invoices. */
@Resolver(() => FactoringPurchaseContract)
export class FactoringPurchaseContractFieldResolver {
  @FieldResolver(() => FactoringPurchaseSummary, { description: "Use of the contract's limits by the client's purchased invoices not yet settled" })
  summary(@Root() contract: FactoringPurchaseContract, @Ctx() ctx: RequestContext): Promise<FactoringPurchaseSummary> {
    return loadPurchaseSummary(contract, {}, ctx);
  }
}

/** Where a loan summary's platform figures come from. */
@Resolver(() => FactoringLoanSummary)
export class FactoringLoanSummaryFieldResolver {
  @FieldResolver(() => SourceSystem, { nullable: true, description: "The source whose summary the platform figures are (Aptic); null: computed by the gateway from its own data" })
  source(@Root() summary: FactoringLoanSummary, @Ctx() ctx: RequestContext): Promise<SourceSystem | null> | null {
    return loadLoanSummarySource(summary, {}, ctx);
  }
}

/** Where a purchase summary's platform figures come from. */
@Resolver(() => FactoringPurchaseSummary)
export class FactoringPurchaseSummaryFieldResolver {
  @FieldResolver(() => SourceSystem, { nullable: true, description: "The source whose summary the platform figures are (Aptic); null: computed by the gateway from its own data" })
  source(@Root() summary: FactoringPurchaseSummary, @Ctx() ctx: RequestContext): Promise<SourceSystem | null> | null {
    return loadPurchaseSummarySource(summary, {}, ctx);
  }
}
