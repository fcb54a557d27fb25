import { hasMany } from "../../common/loaders";
import { ExternalIdentifier } from "./external-identifier.entity";

/** A client's live (not deleted) external identifiers by source. */
export const externalIdentifiersByClient = hasMany("externalIdentifiersByClient", ExternalIdentifier, {
  parentColumn: "clientId",
  where: "r.deletedAt IS NULL",
  orderBy: [["source", "ASC"]],
});
