import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Provenance for what people wrote through the API before provenance was kept: each client field a
 * mutation changed (the audit trail's Client entries, none of a sync) gets a field_source row "written
 * here" at its last change, so that a source's first sync does not take it (SOURCES.md rule 4: a
 * value a person wrote stands until the field changes in its owning source). The VIES outcome and
 * the archive time are audited too, but are no client field a source offers.
 */
export class FieldSourcesOfPastApiWrites1796190900000 implements MigrationInterface {
  name = "FieldSourcesOfPastApiWrites1796190900000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO field_source (tenant_id, client_id, field, source_system_id, set_at)
      SELECT a.tenant_id, a.client_id, c.change ->> 'field', NULL, max(a.occurred_at)
        FROM audit_entry a CROSS JOIN LATERAL jsonb_array_elements(a.changes) AS c(change)
       WHERE a.entity_type = 'Client' AND a.source_system_id IS NULL
         AND c.change ->> 'field' NOT IN ('vatNumberValidated', 'vatNumberValidatedAt', 'archivedAt')
       GROUP BY a.tenant_id, a.client_id, c.change ->> 'field'
      ON CONFLICT (tenant_id, client_id, field) DO NOTHING
    `);
  }

  public async down(): Promise<void> {
    // The rows are indistinguishable from later ones written by mutations: nothing to undo.
  }
}
