import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { Check, Column, Entity, Index } from "typeorm";
import { DateTime, URLScalar } from "../common/scalars";
import { CreatedAt, inList, StringColumn, UpdatedAt } from "../db/columns";
import { TenantEntity } from "../db/tenant-entity";

/** The kinds of source system the gateway has connectors for (SOURCES.md: SourceKind). */
export enum SourceKind {
  CRM = "CRM",
  APTIC = "APTIC",
  INVOICING = "INVOICING",
  CREDIT_DATA = "CREDIT_DATA",
}

registerEnumType(SourceKind, {
  name: "SourceKind",
  description: "The kind of system a source is: which connector syncs it",
  valuesConfig: {
    CRM: { description: "The CRM (GET /api/clients): the Italian/EU client register" },
    APTIC: { description: "Aptic API Gateway, the debt collection and factoring platform: contracts, bank accounts, parameters" },
    INVOICING: { description: "The Swedish invoicing API: customers and their open invoices" },
    CREDIT_DATA: { description: "The credit-data provider: credit limit, rating and the latest financial statement (act)" },
  },
});

/**
 * Where incremental syncs resume (a connector's own shape): e.g. the CRM's and credit data's
 * `updated_at` watermark, the invoicing system's last cursor. Written by the sync code only.
 */
export type SourceSyncState = Record<string, unknown>;

/**
 * A source system of a tenant: one CRM, Aptic, invoicing or credit-data account the gateway
 * syncs clients from. The credentials are stored sealed (src/sources/credentials.ts) and are no
 * GraphQL field: write-only (SourceAuthInput), never answered in any form.
 * Optimistic concurrency as elsewhere: a write names the `updatedAt` it read.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A system the gateway syncs clients from (a CRM, Aptic, invoicing, credit data account)" })
@Entity("source_system")
@Index("IDX_source_system_tenant_kind", ["tenantId", "kind"])
@Check("CHK_source_system_kind", inList("kind", Object.values(SourceKind)))
export class SourceSystem extends TenantEntity {
  @Field(() => SourceKind, { description: "Which kind of system this is, and so which connector reads it" })
  @Column({ type: "varchar", length: 16 })
  kind: SourceKind;

  @Field(() => String, { description: "A display name chosen by whoever registered the source, unique in the company" })
  @Column({ type: "varchar", length: 255 })
  name: string;

  /** The system's base URL (every connector's paths are relative to it). */
  @Field(() => URLScalar, { description: "Every connector's paths are relative to it" })
  @Column({ type: "varchar", length: 2048 })
  baseUrl: string;

  /** The source's own company id (the CRM's X-Company-Id, the invoicing system's companyId). */
  @Field(() => String, { nullable: true, description: "The source's own company id (the CRM's X-Company-Id, the invoicing system's companyId)" })
  @StringColumn(64)
  companyId: string | null;

  /** Sent as X-Api-Version where the source takes one. */
  @Field(() => String, { nullable: true, description: "Sent as X-Api-Version where the source takes one" })
  @StringColumn(32)
  apiVersion: string | null;

  @Field(() => Boolean, { description: "A disabled source is not synced, on schedule or on request" })
  @Column({ type: "boolean", default: true })
  enabled: boolean;

  /** How often to sync, an ISO-8601 duration (`PT15M`); null: only on request. */
  @Field(() => String, { nullable: true, description: "How often to sync, an ISO-8601 duration (PT15M); null: only on request (startSync)" })
  @StringColumn(64)
  schedule: string | null;

  /** The sealed SourceCredentials (`v1.<iv>.<ciphertext>.<tag>`): never logged, never answered. */
  @Column({ type: "text" })
  credentials: string;

  /**
   * Not a column: the kind of the credentials, set on a source restored from a stored payload
   * (which keeps the kind, not the sealed credentials); otherwise read from `credentials`.
   */
  authKind?: import("./source-auth-kind").SourceAuthKind | null;

  /** Where the next incremental sync resumes (watermark, cursor). */
  @Column({ type: "jsonb", default: {} })
  syncState: SourceSyncState;

  @Field(() => DateTime, { description: "When the source was registered" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "Pass it as updateSourceSystem's expectedUpdatedAt" })
  @UpdatedAt()
  updatedAt: Date;
}
