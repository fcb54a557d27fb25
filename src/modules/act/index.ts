import { Act } from "./act.entity";
import { ClientActsResolver } from "./client-acts.resolver";

export { Act } from "./act.entity";
export { ActDataPoint } from "./act-data-point.type";
export { ActConnection } from "./act-connection.type";
export { ActEdge } from "./act-edge.type";

export const actEntities = [Act];
export const actResolvers = [ClientActsResolver] as const;
