import { hasMany } from "../../common/loaders";
import { BankAccount } from "./bank-account.entity";

/** A client's bank accounts: priority ASC (Postgres puts NULLs last for ASC), then id. */
export const bankAccountsByClient = hasMany("bankAccountsByClient", BankAccount, {
  parentColumn: "clientId",
  orderBy: [["priority", "ASC"]],
});
