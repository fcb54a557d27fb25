import { FieldSource } from "../sync/field-source.entity";
import { AuditEntrySourceResolver, ClientProvenanceResolver, DataQualityIssueResolver, FieldSourceResolver, SourceRecordResolver } from "../sync/provenance.resolver";
import { SourceRecord } from "../sync/source-record.entity";
import { SyncIssue } from "../sync/sync-issue.entity";
import { SyncRunMutationResolver } from "../sync/sync-run-mutation.resolver";
import { SyncRun } from "../sync/sync-run.entity";
import { SourcePrecedence } from "../sync/source-precedence.entity";
import { SourceLookup } from "../sync/source-lookup.entity";
import { SourcePrecedenceResolver } from "../sync/precedence.resolver";
import { SyncIssueResolver, SyncRunResolver } from "../sync/sync-run.resolver";
import { SourceSystemMutationResolver } from "./source-system-mutation.resolver";
import { SourceSystem } from "./source-system.entity";
import { SourceSystemResolver } from "./source-system.resolver";

/** Sources and sync (SOURCES.md): their tables, and their GraphQL surface. */
export const sourceEntities = [SourceSystem, SyncRun, SyncIssue, SourceRecord, FieldSource, SourcePrecedence, SourceLookup];
export const sourceResolvers = [
  SourcePrecedenceResolver,
  SourceSystemResolver,
  SourceSystemMutationResolver,
  SyncRunResolver,
  SyncIssueResolver,
  SyncRunMutationResolver,
  ClientProvenanceResolver,
  SourceRecordResolver,
  FieldSourceResolver,
  DataQualityIssueResolver,
  AuditEntrySourceResolver,
] as const;
