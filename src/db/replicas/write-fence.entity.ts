import { Column, Entity, Index } from "typeorm";
import { UpdatedAt } from "../columns";
import { TenantEntity } from "../tenant-entity";

/**
 * A caller's (a token subject's) count of committed mutations in a tenant, bumped in each
 * mutation's own transaction (src/db/replicas/write-fence.ts): a read replica whose copy of the
 * row has reached the primary's has applied that caller's every write, so the caller's queries
 * may read there (src/db/replicas/read-replicas.ts). One row per caller and tenant.
 */
@Entity("write_fence")
@Index("UQ_write_fence_tenant_subject", ["tenantId", "subject"], { unique: true })
export class WriteFence extends TenantEntity {
  /** The caller's token subject (`sub`). */
  @Column({ type: "varchar", length: 255 })
  subject: string;

  /** Mutations of this caller committed so far in the tenant. */
  @Column({ type: "bigint", default: 1 })
  version: string;

  @UpdatedAt()
  writtenAt: Date;
}
