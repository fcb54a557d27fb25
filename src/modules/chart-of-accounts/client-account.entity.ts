import { Directive, Field, ObjectType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, inList, StringColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { ACCOUNT_TYPES, AccountType } from "./account-type.enum";

/**
 * One account of a client's chart of accounts (the ledger accounts its bookkeeping in the factoring
 * platform uses). The gateway had nowhere to keep one: it is written by applying a chart-of-account
 * template on createClient, and read as `Client.chartOfAccounts`. Account numbers are unique per client.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "An account of a client's chart of accounts (from the chart-of-account template applied on create)" })
@Entity("client_account")
@Index("IDX_client_account_tenant_client", ["tenantId", "clientId"])
@Index("IDX_client_account_client", ["clientId"])
@Index("UQ_client_account_client_number", ["clientId", "accountNumber"], { unique: true })
@Check("CHK_client_account_type", `"account_type" IS NULL OR ${inList("account_type", ACCOUNT_TYPES)}`)
export class ClientAccount extends TenantEntity {
  @Column({ type: "bigint" })
  clientId: string;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  @Field(() => String, { description: "The account number, unique per client (e.g. 1510)" })
  @Column({ type: "varchar", length: 20 })
  accountNumber: string;

  @Field(() => String, { description: "The account's name (e.g. Accounts receivable)" })
  @Column({ type: "varchar", length: 255 })
  name: string;

  @Field(() => AccountType, { nullable: true, description: "What kind of account it is" })
  @StringColumn(20)
  accountType: AccountType | null;

  @Field(() => DateTime, { description: "When it was created" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { description: "When it was last changed" })
  @UpdatedAt()
  updatedAt: Date;
}
