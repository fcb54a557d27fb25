import { actEntities, actResolvers } from "./act";
import { auditEntities, auditResolvers } from "./audit";
import { IdempotencyRecord } from "../common/mutation/idempotency-record.entity";
import { bankAccountEntities, bankAccountResolvers } from "./bank-account";
import { clientEntities, clientResolvers } from "./client";
import { contractEntities, contractResolvers } from "./contract";
import { externalIdentifierEntities, externalIdentifierResolvers } from "./external-identifier";
import { extraFieldEntities, extraFieldResolvers } from "./extra-field";
import { factoringEntities, factoringResolvers } from "./factoring";
import { favouriteEntities, favouriteResolvers } from "./favourite";
import { invoiceEntities, invoiceResolvers } from "./invoice";
import { mandateEntities, mandateResolvers } from "./mandate";
import { parameterEntities, parameterResolvers } from "./parameter";
import { pricelistEntities, pricelistResolvers } from "./pricelist";
import { summaryEntities, summaryResolvers } from "./summary";
import { sourceEntities, sourceResolvers } from "../sources";
import { chartOfAccountsEntities, chartOfAccountsResolvers } from "./chart-of-accounts";
import { templateEntities, templateResolvers } from "./template";
import { clientActionEntities, clientActionResolvers } from "./client-action";
import { webhookEntities, webhookResolvers } from "./webhook";
import { changeFeedEntities, changeFeedResolvers } from "./change-feed";
import { WriteFence } from "../db/replicas/write-fence.entity";

/** Every TypeORM entity of the gateway. */
export const entities = [
  ...clientEntities,
  ...externalIdentifierEntities,
  ...contractEntities,
  ...factoringEntities,
  ...bankAccountEntities,
  ...mandateEntities,
  ...parameterEntities,
  ...extraFieldEntities,
  ...pricelistEntities,
  ...chartOfAccountsEntities,
  ...templateEntities,
  ...clientActionEntities,
  ...webhookEntities,
  ...invoiceEntities,
  ...actEntities,
  ...favouriteEntities,
  ...auditEntities,
  ...changeFeedEntities,
  ...summaryEntities,
  IdempotencyRecord,
  // Read-your-writes with read replicas.
  WriteFence,
  // Sources and sync (SOURCES.md).
  ...sourceEntities,
];

/** Every type-graphql resolver of the gateway. */
export const resolvers = [
  ...clientResolvers,
  ...externalIdentifierResolvers,
  ...contractResolvers,
  ...factoringResolvers,
  ...bankAccountResolvers,
  ...mandateResolvers,
  ...parameterResolvers,
  ...extraFieldResolvers,
  ...pricelistResolvers,
  ...chartOfAccountsResolvers,
  ...templateResolvers,
  ...clientActionResolvers,
  ...webhookResolvers,
  ...invoiceResolvers,
  ...actResolvers,
  ...summaryResolvers,
  ...favouriteResolvers,
  ...auditResolvers,
  ...changeFeedResolvers,
  ...sourceResolvers,
] as const;
