import { ClientsSummaryResolver, FavoriteClientResolver } from "./clients-summary";
import { FavouriteClient } from "./favourite-client.entity";
import { OpenedClient } from "./opened-client.entity";

export { FavouriteClient } from "./favourite-client.entity";
export { OpenedClientsRecorder } from "./opened-clients.recorder";

export const favouriteEntities = [FavouriteClient, OpenedClient];
export const favouriteResolvers = [ClientsSummaryResolver, FavoriteClientResolver] as const;
