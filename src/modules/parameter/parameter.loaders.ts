import { hasMany } from "../../common/loaders";
import { ClientParameter } from "./parameter.entity";

/** A client's parameters by name. */
export const parametersByClient = hasMany("parametersByClient", ClientParameter, {
  parentColumn: "clientId",
  orderBy: [["name", "ASC"]],
});
