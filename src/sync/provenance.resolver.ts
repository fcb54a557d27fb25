import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../common/loaders";
import { databaseField, dbFreeFields, NoArgs } from "../common/prefetch";
import type { RequestContext } from "../context";
import { AuditEntry } from "../modules/audit/audit-entry.entity";
import { Client } from "../modules/client/client.entity";
import { SourceSystem } from "../sources/source-system.entity";
import { sourceSystemById, syncRunById } from "../sources/source-system.loaders";
import { DataQualityIssue, displayIssueValue } from "./data-quality-issue.type";
import { FieldSource } from "./field-source.entity";
import { fieldSourcesByClient, sourceRecordsByClient } from "./provenance.loaders";
import { SourceRecord } from "./source-record.entity";
import { SyncRun } from "./sync-run.entity";

/** A source system by id through the request's loader (null for null: written here, an API change). */
const sourceOf = (ctx: RequestContext, tenantId: string, id: string | null): Promise<SourceSystem | null> | null =>
  id == null ? null : ctx.loaders.get(sourceSystemById).load({ tenantId, id });

const loadSourceRecords = databaseField("Client", "sourceRecords", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(sourceRecordsByClient).load(keyOf(client)));
const loadFieldSources = databaseField("Client", "fieldSources", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(fieldSourcesByClient).load(keyOf(client)));
const loadDataQualityIssues = databaseField("Client", "dataQualityIssues", async (client: Client, _args: NoArgs, ctx): Promise<DataQualityIssue[]> => {
  const records = await ctx.loaders.get(sourceRecordsByClient).load(keyOf(client));
  return records.flatMap((record) =>
    (record.issues ?? []).map((issue) =>
      Object.assign(new DataQualityIssue(), {
        field: issue.field,
        sourceField: issue.sourceField ?? null,
        message: issue.message,
        rawValue: issue.value ?? null,
        tenantId: record.tenantId,
        sourceSystemId: record.sourceSystemId,
        clientType: client.clientType,
      }),
    ),
  );
});

const loadRecordSource = databaseField("SourceRecord", "source", async (record: SourceRecord, _args: NoArgs, ctx): Promise<SourceSystem> => {
  const source = await sourceOf(ctx, record.tenantId, record.sourceSystemId);
  if (!source) throw new Error(`Source record ${record.id} has no source system`);
  return source;
});
const loadFieldSourceSource = databaseField("FieldSource", "source", (row: FieldSource, _args: NoArgs, ctx) => sourceOf(ctx, row.tenantId, row.sourceSystemId));
const loadIssueSource = databaseField("DataQualityIssue", "source", (issue: DataQualityIssue, _args: NoArgs, ctx) => sourceOf(ctx, issue.tenantId, issue.sourceSystemId));
const loadAuditSource = databaseField("AuditEntry", "source", (entry: AuditEntry, _args: NoArgs, ctx) => sourceOf(ctx, entry.tenantId, entry.sourceSystemId));
const loadAuditRun = databaseField("AuditEntry", "syncRun", (entry: AuditEntry, _args: NoArgs, ctx) =>
  entry.syncRunId == null ? null : ctx.loaders.get(syncRunById).load({ tenantId: entry.tenantId, id: entry.syncRunId }),
);

dbFreeFields("DataQualityIssue", ["value"]);

/** A client's provenance (SOURCES.md): its source records, where each field came from, and refused values. Needs clients:read, as the client. */
@Resolver(() => Client)
export class ClientProvenanceResolver {
  @FieldResolver(() => [SourceRecord], { description: "The client's record in each source system that has it" })
  sourceRecords(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<SourceRecord[]> {
    return loadSourceRecords(client, {}, ctx);
  }

  @FieldResolver(() => [FieldSource], { description: "Where each field got its value (a source, or this gateway), by field name" })
  fieldSources(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<FieldSource[]> {
    return loadFieldSources(client, {}, ctx);
  }

  @FieldResolver(() => [DataQualityIssue], { description: "Values the sources sent that the gateway's checks refused (kept raw in the source record)" })
  dataQualityIssues(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<DataQualityIssue[]> {
    return loadDataQualityIssues(client, {}, ctx);
  }
}

@Resolver(() => SourceRecord)
export class SourceRecordResolver {
  @FieldResolver(() => SourceSystem, { description: "The source system the record was read from" })
  source(@Root() record: SourceRecord, @Ctx() ctx: RequestContext): Promise<SourceSystem> {
    return loadRecordSource(record, {}, ctx);
  }
}

@Resolver(() => FieldSource)
export class FieldSourceResolver {
  @FieldResolver(() => SourceSystem, { nullable: true, description: "Null: written through this gateway's own mutations" })
  source(@Root() row: FieldSource, @Ctx() ctx: RequestContext): Promise<SourceSystem | null> | null {
    return loadFieldSourceSource(row, {}, ctx);
  }
}

@Resolver(() => DataQualityIssue)
export class DataQualityIssueResolver {
  @FieldResolver(() => String, { nullable: true, description: "The value as sent; a personal identity number is masked without clients:pii, as Client.orgNumber" })
  value(@Root() issue: DataQualityIssue, @Ctx() ctx: RequestContext): string | null {
    return displayIssueValue(issue, ctx.caller.scopes.has("clients:pii"));
  }

  @FieldResolver(() => SourceSystem, { nullable: true, description: "The source that sent the value" })
  source(@Root() issue: DataQualityIssue, @Ctx() ctx: RequestContext): Promise<SourceSystem | null> | null {
    return loadIssueSource(issue, {}, ctx);
  }
}

/** Client.history names the source and the run of a change a sync made; both null for a change made through the API. */
@Resolver(() => AuditEntry)
export class AuditEntrySourceResolver {
  @FieldResolver(() => SourceSystem, { nullable: true, description: "The source whose sync made the change; null for a change made through the API" })
  source(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<SourceSystem | null> | null {
    return loadAuditSource(entry, {}, ctx);
  }

  @FieldResolver(() => SyncRun, { nullable: true, description: "The sync run that made the change; null for a change made through the API" })
  syncRun(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext): Promise<SyncRun | null> | null {
    return loadAuditRun(entry, {}, ctx);
  }
}
