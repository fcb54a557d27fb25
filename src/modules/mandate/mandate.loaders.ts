import { hasMany } from "../../common/loaders";
import { DirectDebitMandate } from "./mandate.entity";

/** A client's direct debit mandates, oldest first (createdAt ASC, then id). */
export const directDebitMandatesByClient = hasMany("directDebitMandatesByClient", DirectDebitMandate, {
  parentColumn: "clientId",
  orderBy: [["createdAt", "ASC"]],
});
