import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { inList, TimestampColumn } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { SourceSystem } from "../../sources/source-system.entity";
import { Client } from "../client/client.entity";

/** The summaries a source computes of a client (Aptic's, seed 003), one row per kind. */
export enum SourceSummaryKind {
  /** `/clients/{guid}/factoringloancontract/summary`: FactoringLoanContract.summary. */
  FACTORING_LOAN = "FACTORING_LOAN",
  /** `/clients/{guid}/factoringpurchasecontract/summary`: FactoringPurchaseContract.summary. */
  FACTORING_PURCHASE = "FACTORING_PURCHASE",
  /** `/clients/{guid}/summary`: ClientSummary.cases. */
  CLIENT = "CLIENT",
  /** `/clients/{guid}/accounts/summary` (its `value`): Client.accountsSummary. */
  ACCOUNTS = "ACCOUNTS",
}

/**
 * A summary of a client as a source last sent it: `figures` is the object (a list for ACCOUNTS)
 * with every number as a decimal string, never a float. Written by the sync (apply-aptic.ts),
 * deleted when the source answers 404 for it; not audited (it is the source's arithmetic, not the
 * client's data).
 */
@Entity("source_summary")
@Index("UQ_source_summary_client_source_kind", ["clientId", "sourceSystemId", "kind"], { unique: true })
@Index("IDX_source_summary_tenant_client", ["tenantId", "clientId"])
@Index("IDX_source_summary_source_system", ["sourceSystemId"])
@Check("CHK_source_summary_kind", inList("kind", Object.values(SourceSummaryKind)))
export class SourceSummary extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Column({ type: "bigint" })
  sourceSystemId: string;

  @ManyToOne(() => SourceSystem, { onDelete: "CASCADE" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  @Column({ type: "varchar", length: 32 })
  kind: SourceSummaryKind;

  @Column({ type: "jsonb" })
  figures: Record<string, unknown> | Record<string, unknown>[];

  /** When the run that read it read it. */
  @TimestampColumn({ nullable: false })
  asOf: Date;
}
