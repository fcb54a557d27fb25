import { Pricelist } from "./pricelist.entity";
import { ClientPricelistsFieldResolver } from "./pricelist.resolver";

export const pricelistEntities = [Pricelist];
export const pricelistResolvers = [ClientPricelistsFieldResolver] as const;
