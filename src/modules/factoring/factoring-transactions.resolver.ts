import { keyOf } from "../../common/loaders";
import { nestedList } from "../../common/pagination/nested-list";
import { FactoringLoanContract } from "./factoring-loan-contract.entity";
import { FactoringLoanTransaction } from "./factoring-loan-transaction.entity";
import { FactoringLoanTransactionType } from "./factoring.enums";
import { latestTransactionsByContract } from "./factoring.loaders";

/**
 * FactoringLoanContract.latestTransactions (a list, as before: `first` defaults to 10, now with
 * filter, orderBy and offset) and latestTransactionsConnection, batched per request by contract.
 */
export const transactionLists = nestedList({
  parentType: FactoringLoanContract,
  parentTypeName: "FactoringLoanContract",
  parentKey: keyOf,
  node: FactoringLoanTransaction,
  entity: FactoringLoanTransaction,
  nodeName: "FactoringLoanTransaction",
  label: "loan transaction",
  parentColumn: "contract_id",
  listField: "latestTransactions",
  connectionField: "latestTransactionsConnection",
  orderDescription: "newest first (transactionDate, then id)",
  filters: {
    id: { column: "id", kind: "id" },
    uniqueId: { column: "unique_id", kind: "uuid", description: "The GUID (Aptic transactionGuid), compared as text" },
    transactionDate: { column: "transaction_date", kind: "date" },
    type: { column: "type", kind: { enum: FactoringLoanTransactionType, name: "FactoringLoanTransactionType" } },
    amount: { column: "amount", kind: "decimal", description: "Always positive; the type gives the sign" },
    description: { column: "description", kind: "string" },
    createdAt: { column: "created_at", kind: "datetime" },
  },
  sorts: {
    TRANSACTION_DATE: { property: "transactionDate", column: "transaction_date", kind: "date", nullable: false },
    AMOUNT: { property: "amount", column: "amount", kind: "numeric", nullable: false },
    TYPE: { property: "type", column: "type", kind: "string", nullable: false },
    CREATED_AT: { property: "createdAt", column: "created_at", kind: "timestamptz", nullable: false },
  },
  defaultOrder: [["TRANSACTION_DATE", "DESC"]],
  plain: { top: latestTransactionsByContract, defaultFirst: 10 },
});

export const [FactoringLoanTransactionsResolver] = transactionLists.resolvers;
