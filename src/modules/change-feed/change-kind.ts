import { registerEnumType } from "type-graphql";

/** What a change of the feed did (API.md: fixed). A client's archive and restore are their own kinds. */
export enum ClientChangeKind {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  ARCHIVED = "ARCHIVED",
  RESTORED = "RESTORED",
  NESTED_CREATED = "NESTED_CREATED",
  NESTED_UPDATED = "NESTED_UPDATED",
  NESTED_DELETED = "NESTED_DELETED",
}

registerEnumType(ClientChangeKind, {
  name: "ClientChangeKind",
  description: "What a change did: to the client itself, or to one of its nested records (resource and resourceId tell which)",
  valuesConfig: {
    CREATED: { description: "The client was created" },
    UPDATED: { description: "Fields of the client changed (fields lists them)" },
    ARCHIVED: { description: "The client was archived (archivedAt set)" },
    RESTORED: { description: "The client was restored (archivedAt cleared)" },
    NESTED_CREATED: { description: "A nested record of the client was created" },
    NESTED_UPDATED: { description: "Fields of a nested record of the client changed" },
    NESTED_DELETED: { description: "A nested record of the client was deleted (or closed by its source)" },
  },
});
