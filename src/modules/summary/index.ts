import { ClientSummaryChartsResolver } from "./client-summary-charts.resolver";
import { ClientSummaryFieldsResolver, ClientSummaryResolver } from "./client-summary.resolver";

export { ClientSummary } from "./client-summary.type";

import { SourceSummary } from "./source-summary.entity";

/** The summary reads other modules' tables; it owns the summaries sources send (source_summary). */
export const summaryEntities: Function[] = [SourceSummary];
export const summaryResolvers = [ClientSummaryResolver, ClientSummaryFieldsResolver, ClientSummaryChartsResolver] as const;
