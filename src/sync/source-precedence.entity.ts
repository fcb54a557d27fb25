import { Check, Column, Entity, Index } from "typeorm";
import { inList, UpdatedAt } from "../db/columns";
import { TenantEntity } from "../db/tenant-entity";
import { FIELD_GROUPS, type FieldGroup, type SourceKindName } from "./precedence";

/**
 * A tenant's own precedence of source kinds for one field group (SOURCES.md rule 4): the first
 * kind wins the group's fields, then the next. A group without a row has the default
 * (src/sync/precedence.ts DEFAULT_PRECEDENCE).
 */
@Entity("source_precedence")
@Index("UQ_source_precedence_tenant_group", ["tenantId", "fieldGroup"], { unique: true })
@Check("CHK_source_precedence_group", inList("field_group", FIELD_GROUPS))
export class SourcePrecedence extends TenantEntity {
  @Column({ type: "varchar", length: 16 })
  fieldGroup: FieldGroup;

  /** Source kinds, the winner first; kinds not listed rank after every listed one. */
  @Column({ type: "jsonb" })
  sources: SourceKindName[];

  @UpdatedAt()
  updatedAt: Date;
}
