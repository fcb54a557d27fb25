import { ChangeFeedResolver } from "./change-feed.resolver";
import { ClientChange, ClientChangeCommit, ClientChangeHorizon } from "./client-change.entity";

export const changeFeedEntities = [ClientChange, ClientChangeCommit, ClientChangeHorizon];
export const changeFeedResolvers = [ChangeFeedResolver] as const;
