import { FavouriteClient } from "./favourite-client.entity";

export { FavouriteClient } from "./favourite-client.entity";

export const favouriteEntities = [FavouriteClient];
