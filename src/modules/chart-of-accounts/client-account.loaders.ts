import { hasMany } from "../../common/loaders";
import { ClientAccount } from "./client-account.entity";

/** A client's chart of accounts by account number. */
export const accountsByClient = hasMany("accountsByClient", ClientAccount, {
  parentColumn: "clientId",
  orderBy: [["accountNumber", "ASC"]],
});
