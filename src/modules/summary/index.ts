import { ClientSummaryChartsResolver } from "./client-summary-charts.resolver";
import { ClientSummaryFieldsResolver, ClientSummaryResolver } from "./client-summary.resolver";

export { ClientSummary } from "./client-summary.type";

/** The summary reads other modules' tables and owns none. */
export const summaryEntities: Function[] = [];
export const summaryResolvers = [ClientSummaryResolver, ClientSummaryFieldsResolver, ClientSummaryChartsResolver] as const;
