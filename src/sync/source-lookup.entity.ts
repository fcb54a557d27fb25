import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { inList } from "../db/columns";
import { TenantEntity } from "../db/tenant-entity";
import { Client } from "../modules/client/client.entity";
import { SourceSystem } from "../sources/source-system.entity";

/** What a lookup of a client in a source answered. */
export enum SourceLookupOutcome {
  /** The source has the client: its record was applied (the client has a source record of it now). */
  FOUND = "FOUND",
  /** The source answered 404: it doesn't know the company. */
  NOT_FOUND = "NOT_FOUND",
  /** The lookup failed (5xx after retries, a timeout, a body that is no client): tried again first of the looked-up ones. */
  FAILED = "FAILED",
}

/**
 * The last lookup of a client in a source that looks companies up by business key (credit data's
 * `GET /api/clients/lookup?org_number&country`), 404s included, so that a run doesn't ask again
 * for the same company every time: which clients a run looks up, and how many, is the credit-data
 * connector's policy (src/sync/engine/credit-data-connector.ts). One row per source and client.
 */
@Entity("source_lookup")
@Index("UQ_source_lookup_tenant_source_system_client", ["tenantId", "sourceSystemId", "clientId"], { unique: true })
@Index("IDX_source_lookup_source_system_looked_up_at", ["sourceSystemId", "lookedUpAt"])
@Index("IDX_source_lookup_client", ["clientId"])
@Check("CHK_source_lookup_outcome", inList("outcome", Object.values(SourceLookupOutcome)))
export class SourceLookup extends TenantEntity {
  @Column({ type: "bigint" })
  sourceSystemId: string;

  @ManyToOne(() => SourceSystem, { onDelete: "CASCADE" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Column({ type: "varchar", length: 16 })
  outcome: SourceLookupOutcome;

  /** The source's id of the record found (FOUND only). */
  @Column({ type: "varchar", length: 255, nullable: true })
  sourceId: string | null;

  @Column({ type: "timestamptz", precision: 3 })
  lookedUpAt: Date;

  /** The run that looked it up last. */
  @Column({ type: "bigint", nullable: true })
  runId: string | null;
}
