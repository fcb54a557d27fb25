import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795284993322 implements MigrationInterface {
    name = 'InitialSchema1795284993322'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "client" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "unique_id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "reference_code" character varying(50),
                "client_type" character varying(16) NOT NULL DEFAULT 'BUSINESS',
                "company_type" character varying(64),
                "name" character varying(255) NOT NULL,
                "legal_name" character varying(255),
                "informal_name" character varying(255),
                "acronym" character varying(50),
                "org_number" character varying(32),
                "country_code" character(2),
                "vat_number" character varying(20),
                "vat_number_validated" boolean NOT NULL DEFAULT false,
                "vat_number_validated_at" TIMESTAMP(3) WITH TIME ZONE,
                "vat_rate" numeric(9, 4),
                "vat_rate_id" integer,
                "registered_for_tax" boolean,
                "tax_reference" character varying(80),
                "email" character varying(320),
                "administration_email" character varying(320),
                "pec" character varying(320),
                "sdi_code" character varying(7),
                "intent_code" character varying(80),
                "intent_date" date,
                "phone" character varying(80),
                "company_phone" character varying(80),
                "cellular_phone" character varying(80),
                "contact_person" character varying(255),
                "website" character varying(255),
                "linkedin" character varying(255),
                "street" character varying(250),
                "house_no" character varying(20),
                "house_no_extension" character varying(20),
                "zip_code" character varying(20),
                "city" character varying(80),
                "state_code" character varying(10),
                "country_code_of_operation" character(2),
                "language_code" character varying(8),
                "default_culture_code" character varying(16),
                "currency_code" character(3),
                "municipal_code" character varying(20),
                "nace_code" character varying(10),
                "lei_number" character varying(20),
                "gln_number" character varying(13),
                "credit_limit" numeric(18, 2),
                "credit_limit_currency" character(3),
                "rating" character varying(16),
                "payment_terms" integer,
                "payment_condition" character varying(255),
                "payment_term_id" integer,
                "bank_account_id" integer,
                "group_id" integer,
                "group_company" integer,
                "ledger_type" integer,
                "master_pin_code" character varying(20),
                "logotype" text,
                "web_logotype" text,
                "pricelist_template" character varying(80),
                "parameter_template" character varying(80),
                "chart_of_account_template" character varying(80),
                "active" boolean NOT NULL DEFAULT true,
                "blocked" boolean NOT NULL DEFAULT false,
                "notes" text,
                "description" text,
                "parent_id" bigint,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "archived_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "CHK_client_payment_terms" CHECK ("payment_terms" >= 0),
                CONSTRAINT "CHK_client_company_type" CHECK (
                    "company_type" IN (
                        'SE_STATE_REGION_MUNICIPALITY',
                        'SE_AKTIEBOLAG',
                        'SE_EKONOMISK_FORENING',
                        'SE_STIFTELSE_IDEELL_FORENING',
                        'SE_HANDELSBOLAG_KOMMANDITBOLAG',
                        'GB_LIMITED_COMPANY',
                        'GB_PUBLIC_LIMITED_COMPANY',
                        'FI_YKSITYINEN_ELINKEINONHARJOITTAJA',
                        'FI_KOMMANDIITTIYHTIO',
                        'FI_AVOIN_YHTIO',
                        'FI_OSAKEYHTIO',
                        'FI_OSUUSKUNTA',
                        'FI_REKISTEROITY_YHDISTYS',
                        'NL_EENMANSZAAK',
                        'NL_BESLOTEN_VENNOOTSCHAP',
                        'NL_NAAMLOZE_VENNOOTSCHAP',
                        'NL_MAATSCHAP',
                        'NL_VENNOOTSCHAP_ONDER_FIRMA',
                        'NL_COMMANDITAIRE_VENNOOTSCHAP',
                        'NL_VERENIGING_VOLLEDIGE_RECHTSBEVOEGDHEID',
                        'NL_VERENIGING_BEPERKTE_RECHTSBEVOEGDHEID',
                        'NL_COOPERATIE_ONDERLINGE_WAARBORGMAATSCHAPPIJ',
                        'NL_STICHTING',
                        'NL_KERKGENOOTSCHAP',
                        'NL_VERENIGING_VAN_EIGENAARS',
                        'NL_OVERHEID',
                        'NL_BUITENLANDSE_VENNOOTSCHAP',
                        'FI_SAATIO',
                        'FI_ASUNTO_OSAKEYHTIO',
                        'FI_KIINTEISTOOSAKEYHTIO'
                    )
                ),
                CONSTRAINT "CHK_client_client_type" CHECK ("client_type" IN ('BUSINESS', 'INDIVIDUAL')),
                CONSTRAINT "PK_96da49381769303a6515a8785c7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_parent" ON "client" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_blocked" ON "client" ("tenant_id", "blocked")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_active" ON "client" ("tenant_id", "active")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_company_type" ON "client" ("tenant_id", "company_type")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_type" ON "client" ("tenant_id", "client_type")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_reference_code" ON "client" ("tenant_id", "reference_code")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_name" ON "client" ("tenant_id", "name", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_archived" ON "client" ("tenant_id", "archived_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_updated" ON "client" ("tenant_id", "updated_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_tenant_created" ON "client" ("tenant_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_client_tenant_unique_id" ON "client" ("tenant_id", "unique_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_client_tenant_country_org_number" ON "client" ("tenant_id", "country_code", "org_number")
        `);
        await queryRunner.query(`
            CREATE TABLE "act" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "period_start" date NOT NULL,
                "period_end" date NOT NULL,
                "currency_code" character(3) NOT NULL,
                "revenue" numeric(18, 2),
                "result" numeric(18, 2),
                "equity" numeric(18, 2),
                "total_assets" numeric(18, 2),
                "employees" integer,
                "data_points" jsonb NOT NULL DEFAULT '[]',
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_act_period" CHECK ("period_start" <= "period_end"),
                CONSTRAINT "PK_84c5378dc7f3b8355b6e8c3ccb0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_act_client_period_end" ON "act" ("client_id", "period_end", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_act_client" ON "act" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_act_tenant_client" ON "act" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "bank_account" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "unique_id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "bank_account_no" character varying(50),
                "description" character varying(255),
                "bank_account_class" character varying(32) NOT NULL DEFAULT 'UNKNOWN',
                "owner_type" character varying(16) NOT NULL DEFAULT 'CREDITOR',
                "internal_code" character varying(50),
                "priority" integer,
                "agreement_no" character varying(50),
                "bank_code" character varying(20),
                "bank_description" character varying(255),
                "country_code" character(2),
                "zip_code" character varying(20),
                "city" character varying(80),
                "allow_payments" character varying(16) NOT NULL DEFAULT 'NO',
                "allow_disbursements_from" boolean NOT NULL DEFAULT false,
                "allow_disbursements_to" boolean NOT NULL DEFAULT false,
                "business_account" boolean NOT NULL DEFAULT false,
                "third_party_remittance" boolean NOT NULL DEFAULT false,
                "power_of_attorney" boolean NOT NULL DEFAULT false,
                "currency_code" character(3),
                "account_balance" numeric(18, 2),
                "iban" character varying(34),
                "bic" character varying(11),
                "blz" character varying(8),
                "swift" character varying(11),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_bank_account_allow_payments" CHECK (
                    "allow_payments" IN ('NO', 'PAYMENTS', 'NETTINGS')
                ),
                CONSTRAINT "CHK_bank_account_owner_type" CHECK (
                    "owner_type" IN ('SOLICITOR', 'CREDITOR', 'DEBTOR', 'SHARED')
                ),
                CONSTRAINT "CHK_bank_account_bank_account_class" CHECK (
                    "bank_account_class" IN (
                        'UNKNOWN',
                        'SE_PLUSGIRO',
                        'SE_BANKGIRO',
                        'NL_BANK_ACCOUNT',
                        'FOREIGN_BANK_ACCOUNT',
                        'DK_BANKGIRO',
                        'NO_BANKGIRO',
                        'NO_BANK_ACCOUNT',
                        'SE_BANK_ACCOUNT',
                        'FI_BANK_ACCOUNT'
                    )
                ),
                CONSTRAINT "PK_f3246deb6b79123482c6adb9745" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_bank_account_tenant_iban" ON "bank_account" ("tenant_id", "iban")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_bank_account_client" ON "bank_account" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_bank_account_tenant_client" ON "bank_account" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "client_contract" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "contract_type" integer,
                "contract_number" character varying(50),
                "start_date" date,
                "end_date" date,
                "invoice_date" date,
                "cancel_date" date,
                "id_number" character varying(32),
                "contract_cancel_reason" character varying(255),
                "period_fee" numeric(18, 2),
                "contract_length" integer,
                "period_length" integer,
                "note" text,
                "customer_category" character varying(50),
                "instructions" text,
                "invoice_item" character varying(50),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_client_contract_dates" CHECK (
                    (
                        "start_date" IS NULL
                        OR "end_date" IS NULL
                        OR "start_date" <= "end_date"
                    )
                    AND (
                        "end_date" IS NULL
                        OR "cancel_date" IS NULL
                        OR "end_date" <= "cancel_date"
                    )
                ),
                CONSTRAINT "PK_e869e822669ca4016bbc09f8b88" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_contract_tenant_client" ON "client_contract" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_client_contract_client" ON "client_contract" ("client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "external_identifier" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "source" character varying(50) NOT NULL,
                "external_id" character varying(255) NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_658f8820f7f27ffcfba21a5bc74" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_external_identifier_source" ON "external_identifier" ("tenant_id", "source", "external_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_external_identifier_client" ON "external_identifier" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_external_identifier_tenant_client" ON "external_identifier" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "extra_field" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "name" character varying(100) NOT NULL,
                "values" text array NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2aa5ae1294b8ac7643b8a6ff3db" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_extra_field_client_name" ON "extra_field" ("client_id", "name")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_extra_field_client" ON "extra_field" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_extra_field_tenant_client" ON "extra_field" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "factoring_loan_contract" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "decision_date" date,
                "limit_amount" numeric(18, 2),
                "auto_percent" numeric(9, 4),
                "max_percent" numeric(9, 4),
                "your_reference" character varying(80),
                "our_reference" character varying(80),
                "interest_rate" numeric(9, 4),
                "interest_code" character varying(20),
                "limit_fee_amount" numeric(18, 2),
                "limit_fee_percentage" numeric(9, 4),
                "limit_fee_interval" integer,
                "limit_fee_date" date,
                "limit_fee_invoice_item" character varying(50),
                "limit_fee_part_of_period" boolean,
                "limit_fee_part_of_period_amount" numeric(18, 2),
                "note" text,
                "currency_code" character(3),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_factoring_loan_contract_limit_fee_percentage" CHECK (
                    "limit_fee_percentage" BETWEEN 0 AND 100
                ),
                CONSTRAINT "CHK_factoring_loan_contract_max_percent" CHECK (
                    "max_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "CHK_factoring_loan_contract_auto_percent" CHECK (
                    "auto_percent" BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_2c9b6ded498aece7c4183c12795" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_factoring_loan_contract_tenant_client" ON "factoring_loan_contract" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_factoring_loan_contract_client" ON "factoring_loan_contract" ("client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "factoring_loan_transaction" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "contract_id" bigint NOT NULL,
                "transaction_date" date NOT NULL,
                "type" character varying(16) NOT NULL,
                "amount" numeric(18, 2) NOT NULL,
                "description" character varying(255),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_factoring_loan_transaction_amount" CHECK ("amount" > 0),
                CONSTRAINT "CHK_factoring_loan_transaction_type" CHECK (
                    "type" IN ('DRAWDOWN', 'REPAYMENT', 'INTEREST', 'FEE')
                ),
                CONSTRAINT "PK_cd9871b63071ce0f06ecc9f422e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_factoring_loan_transaction_contract_date" ON "factoring_loan_transaction" ("contract_id", "transaction_date")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_factoring_loan_transaction_client" ON "factoring_loan_transaction" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_factoring_loan_transaction_tenant_client" ON "factoring_loan_transaction" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "factoring_purchase_contract" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "decision_date" date,
                "deposit" character varying(50),
                "limit_amount" numeric(18, 2),
                "customer_limit" numeric(18, 2),
                "recourse_limit" numeric(18, 2),
                "non_recourse_limit" numeric(18, 2),
                "default_group_limit" numeric(18, 2),
                "recourse" boolean,
                "recourse_days" integer,
                "blocked_account" character varying(50),
                "blocked_account_total" numeric(18, 2),
                "blocked_account_interest_rate" numeric(9, 4),
                "blocked_account_interest_code" character varying(20),
                "note" character varying(2000),
                "over_interest_after_days" integer,
                "over_interest_rate" numeric(9, 4),
                "over_interest_code" character varying(20),
                "financing_interest_calculate_from" character varying(32),
                "financing_interest_calculate_to" character varying(32),
                "financing_interest_fee_insert_trigger" character varying(32),
                "financing_interest_rate" numeric(9, 4),
                "financing_interest_code" character varying(20),
                "currency_code" character(3),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_factoring_purchase_contract_fee_trigger" CHECK (
                    "financing_interest_fee_insert_trigger" IN (
                        'PURCHASE',
                        'RECOURSE',
                        'CLOSURE',
                        'FULL_PAYMENT'
                    )
                ),
                CONSTRAINT "CHK_factoring_purchase_contract_interest_to" CHECK (
                    "financing_interest_calculate_to" IN (
                        'BILL_DATE',
                        'REGISTRATION_DATE',
                        'DUE_DATE',
                        'PURCHASE_DATE',
                        'RECOURSE_DATE',
                        'CLOSURE_DATE'
                    )
                ),
                CONSTRAINT "CHK_factoring_purchase_contract_interest_from" CHECK (
                    "financing_interest_calculate_from" IN (
                        'BILL_DATE',
                        'REGISTRATION_DATE',
                        'DUE_DATE',
                        'PURCHASE_DATE',
                        'RECOURSE_DATE'
                    )
                ),
                CONSTRAINT "PK_01cf3a873619df056bb87f5bae8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_factoring_purchase_contract_tenant_client" ON "factoring_purchase_contract" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_factoring_purchase_contract_client" ON "factoring_purchase_contract" ("client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "favourite_client" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "subject" character varying(255) NOT NULL,
                "client_id" bigint NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_dc223d4f05b4183903becc3da7b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_favourite_client_client" ON "favourite_client" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_favourite_client_tenant_client" ON "favourite_client" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_favourite_client_tenant_subject_client" ON "favourite_client" ("tenant_id", "subject", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "invoice" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "invoice_number" character varying(50) NOT NULL,
                "status" character varying(20) NOT NULL,
                "currency_code" character(3) NOT NULL,
                "total_amount" numeric(18, 2) NOT NULL,
                "paid_amount" numeric(18, 2) NOT NULL DEFAULT '0',
                "issue_date" date NOT NULL,
                "due_date" date NOT NULL,
                "purchased_at" TIMESTAMP WITH TIME ZONE,
                "purchase_recourse" boolean,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_invoice_status" CHECK (
                    "status" IN (
                        'DRAFT',
                        'SENT',
                        'PARTIALLY_PAID',
                        'PAID',
                        'OVERDUE',
                        'CREDITED',
                        'CANCELLED'
                    )
                ),
                CONSTRAINT "PK_15d25c200d9bcd8a33f698daf18" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_invoice_tenant_invoice_number" ON "invoice" ("tenant_id", "invoice_number")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_invoice_tenant_due_date" ON "invoice" ("tenant_id", "due_date")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_invoice_tenant_client_status" ON "invoice" ("tenant_id", "client_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_invoice_client" ON "invoice" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_invoice_tenant_client" ON "invoice" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "direct_debit_mandate" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "unique_id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "mandate_type" character varying(32) NOT NULL,
                "receiving_bank_account_no" character varying(50) NOT NULL,
                "sending_bank_account_class" character varying(32),
                "sending_bank_account_no" character varying(50),
                "reference_no" character varying(50),
                "requested_at" TIMESTAMP WITH TIME ZONE,
                "approved_at" TIMESTAMP WITH TIME ZONE,
                "signed_at" TIMESTAMP WITH TIME ZONE,
                "valid_from" date,
                "valid_until" date,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_direct_debit_mandate_valid_dates" CHECK (
                    "valid_from" IS NULL
                    OR "valid_until" IS NULL
                    OR "valid_from" <= "valid_until"
                ),
                CONSTRAINT "CHK_direct_debit_mandate_sending_bank_account_class" CHECK (
                    "sending_bank_account_class" IN (
                        'UNKNOWN',
                        'SE_PLUSGIRO',
                        'SE_BANKGIRO',
                        'NL_BANK_ACCOUNT',
                        'FOREIGN_BANK_ACCOUNT',
                        'DK_BANKGIRO',
                        'NO_BANKGIRO',
                        'NO_BANK_ACCOUNT',
                        'SE_BANK_ACCOUNT',
                        'FI_BANK_ACCOUNT'
                    )
                ),
                CONSTRAINT "CHK_direct_debit_mandate_mandate_type" CHECK (
                    "mandate_type" IN (
                        'SWEDISH_AUTOGIRO',
                        'DUTCH_INCASSO',
                        'SEPA_CONSUMER_RECURRING',
                        'SEPA_CONSUMER_ONE_OFF',
                        'SEPA_BUSINESS_RECURRING',
                        'SEPA_BUSINESS_ONE_OFF'
                    )
                ),
                CONSTRAINT "PK_07726aee82ff94f3e9706bef935" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_direct_debit_mandate_client" ON "direct_debit_mandate" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_direct_debit_mandate_tenant_client" ON "direct_debit_mandate" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "client_parameter" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "name" character varying(100) NOT NULL,
                "type" character varying(50),
                "value" text,
                "href" character varying(255),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6bd4f671ebd7f5c4b2cf649ca4c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_client_parameter_client_name" ON "client_parameter" ("client_id", "name")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_parameter_client" ON "client_parameter" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_client_parameter_tenant_client" ON "client_parameter" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "pricelist" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "tenant_id" character varying(64) NOT NULL,
                "client_id" bigint NOT NULL,
                "unique_id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "pricelist_name" character varying(100) NOT NULL,
                "currency_code" character(3),
                "is_active" boolean NOT NULL DEFAULT true,
                "service_id" integer,
                "is_default_pricelist" boolean NOT NULL DEFAULT false,
                "condition" character varying(255),
                "valid_from" date,
                "creditor_fee_events" boolean NOT NULL DEFAULT false,
                "template_pricelist_id" integer,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2ae09574182aa8ed4de3ae2009c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_pricelist_default" ON "pricelist" ("client_id")
            WHERE "is_default_pricelist"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_pricelist_client" ON "pricelist" ("client_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_pricelist_tenant_client" ON "pricelist" ("tenant_id", "client_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "client"
            ADD CONSTRAINT "FK_e77e5d2539c32f5d2c82684f6ff" FOREIGN KEY ("parent_id") REFERENCES "client"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "act"
            ADD CONSTRAINT "FK_a7f069939d49dda6e2dc9c38e36" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "bank_account"
            ADD CONSTRAINT "FK_1751ffa577895e0c622c8e29096" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_contract"
            ADD CONSTRAINT "FK_649660b54a957a4c86961da4651" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identifier"
            ADD CONSTRAINT "FK_145f413337f5f82cc6103427751" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "extra_field"
            ADD CONSTRAINT "FK_bd9fac8c29e8682c3512d788f4e" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_contract"
            ADD CONSTRAINT "FK_b2da0613358831eca50906a30ff" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction"
            ADD CONSTRAINT "FK_317783c58793803659ad28c12a2" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction"
            ADD CONSTRAINT "FK_8b0e0e4a9e5d67ce09865ef151c" FOREIGN KEY ("contract_id") REFERENCES "factoring_loan_contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_purchase_contract"
            ADD CONSTRAINT "FK_6591f3649b2b876d9fc290d17cf" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "favourite_client"
            ADD CONSTRAINT "FK_c47da94ca511b70046772f84fc6" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice"
            ADD CONSTRAINT "FK_c2dcbb1f285e8b596858aceb923" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "direct_debit_mandate"
            ADD CONSTRAINT "FK_ed961ae1616587fab15a784771d" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "client_parameter"
            ADD CONSTRAINT "FK_37c18731480b7d84bae66e019a9" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "pricelist"
            ADD CONSTRAINT "FK_6ab1e6a598ca0f96548a7b575b0" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "pricelist" DROP CONSTRAINT "FK_6ab1e6a598ca0f96548a7b575b0"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_parameter" DROP CONSTRAINT "FK_37c18731480b7d84bae66e019a9"
        `);
        await queryRunner.query(`
            ALTER TABLE "direct_debit_mandate" DROP CONSTRAINT "FK_ed961ae1616587fab15a784771d"
        `);
        await queryRunner.query(`
            ALTER TABLE "invoice" DROP CONSTRAINT "FK_c2dcbb1f285e8b596858aceb923"
        `);
        await queryRunner.query(`
            ALTER TABLE "favourite_client" DROP CONSTRAINT "FK_c47da94ca511b70046772f84fc6"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_purchase_contract" DROP CONSTRAINT "FK_6591f3649b2b876d9fc290d17cf"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction" DROP CONSTRAINT "FK_8b0e0e4a9e5d67ce09865ef151c"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_transaction" DROP CONSTRAINT "FK_317783c58793803659ad28c12a2"
        `);
        await queryRunner.query(`
            ALTER TABLE "factoring_loan_contract" DROP CONSTRAINT "FK_b2da0613358831eca50906a30ff"
        `);
        await queryRunner.query(`
            ALTER TABLE "extra_field" DROP CONSTRAINT "FK_bd9fac8c29e8682c3512d788f4e"
        `);
        await queryRunner.query(`
            ALTER TABLE "external_identifier" DROP CONSTRAINT "FK_145f413337f5f82cc6103427751"
        `);
        await queryRunner.query(`
            ALTER TABLE "client_contract" DROP CONSTRAINT "FK_649660b54a957a4c86961da4651"
        `);
        await queryRunner.query(`
            ALTER TABLE "bank_account" DROP CONSTRAINT "FK_1751ffa577895e0c622c8e29096"
        `);
        await queryRunner.query(`
            ALTER TABLE "act" DROP CONSTRAINT "FK_a7f069939d49dda6e2dc9c38e36"
        `);
        await queryRunner.query(`
            ALTER TABLE "client" DROP CONSTRAINT "FK_e77e5d2539c32f5d2c82684f6ff"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pricelist_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_pricelist_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_pricelist_default"
        `);
        await queryRunner.query(`
            DROP TABLE "pricelist"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_parameter_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_parameter_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_client_parameter_client_name"
        `);
        await queryRunner.query(`
            DROP TABLE "client_parameter"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_direct_debit_mandate_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_direct_debit_mandate_client"
        `);
        await queryRunner.query(`
            DROP TABLE "direct_debit_mandate"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_invoice_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_invoice_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_invoice_tenant_client_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_invoice_tenant_due_date"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_invoice_tenant_invoice_number"
        `);
        await queryRunner.query(`
            DROP TABLE "invoice"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_favourite_client_tenant_subject_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_favourite_client_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_favourite_client_client"
        `);
        await queryRunner.query(`
            DROP TABLE "favourite_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_factoring_purchase_contract_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_factoring_purchase_contract_tenant_client"
        `);
        await queryRunner.query(`
            DROP TABLE "factoring_purchase_contract"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_factoring_loan_transaction_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_factoring_loan_transaction_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_factoring_loan_transaction_contract_date"
        `);
        await queryRunner.query(`
            DROP TABLE "factoring_loan_transaction"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_factoring_loan_contract_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_factoring_loan_contract_tenant_client"
        `);
        await queryRunner.query(`
            DROP TABLE "factoring_loan_contract"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_extra_field_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_extra_field_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_extra_field_client_name"
        `);
        await queryRunner.query(`
            DROP TABLE "extra_field"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_external_identifier_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_external_identifier_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_external_identifier_source"
        `);
        await queryRunner.query(`
            DROP TABLE "external_identifier"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_client_contract_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_contract_tenant_client"
        `);
        await queryRunner.query(`
            DROP TABLE "client_contract"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_bank_account_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_bank_account_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_bank_account_tenant_iban"
        `);
        await queryRunner.query(`
            DROP TABLE "bank_account"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_act_tenant_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_act_client"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_act_client_period_end"
        `);
        await queryRunner.query(`
            DROP TABLE "act"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_client_tenant_country_org_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_client_tenant_unique_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_updated"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_archived"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_name"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_reference_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_type"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_company_type"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_active"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_tenant_blocked"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_client_parent"
        `);
        await queryRunner.query(`
            DROP TABLE "client"
        `);
    }

}
