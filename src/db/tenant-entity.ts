import { Field, ID, ObjectType } from "type-graphql";
import { Column, PrimaryGeneratedColumn } from "typeorm";

/**
 * What every tenant table shares: a bigint identity key (a string in GraphQL and in JS, so no
 * precision is lost) and the tenant (company id) the row belongs to. The tenant is never a
 * GraphQL field: the row-level security policies and the request's session own it.
 */
@ObjectType("TenantEntity")
export abstract class TenantEntity {
  @Field(() => ID, { description: "The object's id: opaque and stable, unique among objects of its type" })
  @PrimaryGeneratedColumn("identity", { type: "bigint", generatedIdentity: "ALWAYS" })
  id: string;

  @Column({ type: "varchar", length: 64 })
  tenantId: string;
}
