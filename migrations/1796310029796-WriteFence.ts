import { MigrationInterface, QueryRunner } from "typeorm";

export class WriteFence1796310029796 implements MigrationInterface {
    name = 'WriteFence1796310029796'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "write_fence" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "subject" character varying(255) NOT NULL,
                "version" bigint NOT NULL DEFAULT '1',
                "written_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f7a73b086144e6d54db17b47370" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_write_fence_tenant_subject" ON "write_fence" ("tenant_id", "subject")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_write_fence_tenant_subject"
        `);
        await queryRunner.query(`
            DROP TABLE "write_fence"
        `);
    }

}
