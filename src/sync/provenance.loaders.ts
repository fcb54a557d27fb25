import { hasMany } from "../common/loaders";
import { FieldSource } from "./field-source.entity";
import { SourceRecord } from "./source-record.entity";

/**
 * A client's source records, by source system: Client.sourceRecords and (from their `issues`)
 * Client.dataQualityIssues, so both fields together cost one statement.
 */
export const sourceRecordsByClient = hasMany("sourceRecordsByClient", SourceRecord, {
  parentColumn: "clientId",
  orderBy: [["sourceSystemId", "ASC"]],
});

/** A client's field provenance, by field name: Client.fieldSources. */
export const fieldSourcesByClient = hasMany("fieldSourcesByClient", FieldSource, {
  parentColumn: "clientId",
  orderBy: [["field", "ASC"]],
});
