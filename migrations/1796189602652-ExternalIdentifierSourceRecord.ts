import { MigrationInterface, QueryRunner } from "typeorm";

export class ExternalIdentifierSourceRecord1796189602652 implements MigrationInterface {
    name = 'ExternalIdentifierSourceRecord1796189602652'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "external_identifier"
            ADD "source_record_id" character varying(255)
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identifier"
            ADD "source_created_at" TIMESTAMP(3) WITH TIME ZONE
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identifier"
            ADD "source_updated_at" TIMESTAMP(3) WITH TIME ZONE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "external_identifier" DROP COLUMN "source_updated_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identifier" DROP COLUMN "source_created_at"
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identifier" DROP COLUMN "source_record_id"
        `);
    }

}
