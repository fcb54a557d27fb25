import { hasMany } from "../../common/loaders";
import { ExtraField } from "./extra-field.entity";

/** A client's extra fields by name. */
export const extraFieldsByClient = hasMany("extraFieldsByClient", ExtraField, {
  parentColumn: "clientId",
  orderBy: [["name", "ASC"]],
});
