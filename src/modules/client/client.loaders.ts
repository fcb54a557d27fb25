import { hasMany, hasOne } from "../../common/loaders";
import { Client } from "./client.entity";

/** A client by its id (for `parent`). */
export const clientById = hasOne("clientById", Client, { parentColumn: "id" });

/** The clients whose parent is the key (for `children`), oldest first. */
export const childrenByParent = hasMany("childrenByParent", Client, {
  parentColumn: "parentId",
  orderBy: [["createdAt", "ASC"]],
});
