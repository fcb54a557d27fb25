import { hasMany } from "../../common/loaders";
import { Pricelist } from "./pricelist.entity";

/** A client's pricelists: the default first, then by name. */
export const pricelistsByClient = hasMany("pricelistsByClient", Pricelist, {
  parentColumn: "clientId",
  orderBy: [
    ["isDefaultPricelist", "DESC"],
    ["pricelistName", "ASC"],
  ],
});
