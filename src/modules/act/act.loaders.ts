import { keysetPagePerParent } from "../../common/loaders";
import { Act } from "./act.entity";

/** Pages of a client's acts, newest first (periodEnd, then id): `acts(first, after)` and `latestAct`. */
export const actPageLoader = keysetPagePerParent("Client.acts", Act, {
  parentColumn: "clientId",
  orderBy: [
    ["periodEnd", "date"],
    ["id", "bigint"],
  ],
});
