import type { ChartOfAccountTemplateAccount, ParameterTemplateEntry, PricelistTemplateLine } from "./template-lines.types";

/** What applying a new client's templates created, as a dry run's preview shows it (no ids). */
export interface AppliedTemplates {
  pricelists: PricelistTemplateLine[];
  parameters: ParameterTemplateEntry[];
  chartOfAccounts: ChartOfAccountTemplateAccount[];
}

/**
 * What createClient / bulkCreateClients applied to the client they return, kept beside the
 * returned row (not a column of it, so nothing else carries it) for ClientPreview.
 */
const applied = new WeakMap<object, AppliedTemplates>();

export const noteApplied = (client: object, what: AppliedTemplates): void => void applied.set(client, what);
export const appliedTo = (client: object): AppliedTemplates | undefined => applied.get(client);
