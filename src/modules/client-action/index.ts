import { ClientActionRun } from "./client-action-run.entity";
import { ClientActionResolver } from "./client-action.resolver";

export { clientActionHandler, sweepActionRuns, type ClientActionJob, type ActionQueue } from "./client-action.forward";
export const clientActionEntities = [ClientActionRun];
export const clientActionResolvers = [ClientActionResolver] as const;
