import { FactoringLoanContract } from "./factoring-loan-contract.entity";
import { FactoringLoanTransaction } from "./factoring-loan-transaction.entity";
import { FactoringPurchaseContract } from "./factoring-purchase-contract.entity";
import {
  FactoringClientFieldResolver,
  FactoringLoanContractFieldResolver,
  FactoringLoanSummaryFieldResolver,
  FactoringPurchaseContractFieldResolver,
  FactoringPurchaseSummaryFieldResolver,
} from "./factoring.resolver";
import { factoringLoanContractApi, factoringPurchaseContractApi } from "./factoring.writes";
import { FactoringLoanTransactionsResolver } from "./factoring-transactions.resolver";

export * from "./factoring.enums";
export * from "./factoring.loaders";
export * from "./factoring-summary.types";
export {
  FactoringClientFieldResolver,
  FactoringLoanContract,
  FactoringLoanContractFieldResolver,
  FactoringLoanTransaction,
  FactoringPurchaseContract,
  FactoringPurchaseContractFieldResolver,
};

export const factoringEntities = [FactoringLoanContract, FactoringLoanTransaction, FactoringPurchaseContract] as const;
export const factoringResolvers = [
  FactoringClientFieldResolver,
  FactoringLoanContractFieldResolver,
  FactoringPurchaseContractFieldResolver,
  FactoringLoanTransactionsResolver,
  FactoringLoanSummaryFieldResolver,
  FactoringPurchaseSummaryFieldResolver,
  ...factoringLoanContractApi.resolvers,
  ...factoringPurchaseContractApi.resolvers,
] as const;
