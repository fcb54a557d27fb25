import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { TenantEntity } from "../../db/tenant-entity";

/**
 * A completed mutation, kept so that a retry with the same key gets the same answer (API.md,
 * Idempotency). Written in the same transaction as the change it records; never a GraphQL type.
 */
@Entity("idempotency_key")
@Index("UQ_idempotency_key_tenant_mutation_key", ["tenantId", "mutation", "key"], { unique: true })
@Index("IDX_idempotency_key_expires", ["expiresAt"])
export class IdempotencyRecord extends TenantEntity {
  /** The mutation's name: a key is scoped to (tenant, mutation). */
  @Column({ type: "varchar", length: 64 })
  mutation: string;

  @Column({ type: "varchar", length: 255 })
  key: string;

  /** SHA-256 of the canonical arguments: the same key with other arguments is refused. */
  @Column({ type: "char", length: 64 })
  requestHash: string;

  /** The payload as returned, business errors included. */
  @Column({ type: "jsonb" })
  payload: unknown;

  @CreateDateColumn({ type: "timestamptz", precision: 3 })
  createdAt: Date;

  @Column({ type: "timestamptz", precision: 3 })
  expiresAt: Date;
}
