import { Pricelist } from "./pricelist.entity";
import { ClientPricelistsFieldResolver } from "./pricelist.resolver";
import { pricelistWriteResolvers } from "./pricelist.writes";

export const pricelistEntities = [Pricelist];
export const pricelistResolvers = [ClientPricelistsFieldResolver, ...pricelistWriteResolvers] as const;
