import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, inList, StringColumn, TimestampColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime, JSONScalar } from "../../common/scalars";
import { Client } from "../client/client.entity";
import { SourceSystem } from "../../sources/source-system.entity";

/** Where a custom action is: QUEUED (async, waiting for the job queue), RUNNING (sent to Aptic), SUCCEEDED, FAILED. */
export enum ActionRunStatus {
  QUEUED = "QUEUED",
  RUNNING = "RUNNING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}

registerEnumType(ActionRunStatus, {
  name: "ActionRunStatus",
  description: "QUEUED (an async call waiting for the job queue), RUNNING (sent to the source), SUCCEEDED, FAILED",
  valuesConfig: {
    QUEUED: { description: "An async call waiting for the job queue" },
    RUNNING: { description: "Sent to the source, no answer yet" },
    SUCCEEDED: { description: "The source ran the action" },
    FAILED: { description: "The source refused or failed it, or never answered: see error" },
  },
});

@ObjectType({ description: "Why a custom action failed: a code and a redacted message (no credential, no personal data)" })
export class ActionRunError {
  @Field(() => String, { description: "SOURCE_ERROR (the source refused or failed: see sourceStatus), SOURCE_UNAVAILABLE (no answer in time, or none at all), INTERRUPTED (the gateway stopped while the call ran: whether the source ran it is unknown)" })
  code: string;

  @Field(() => String, { description: "For people; redacted" })
  message: string;
}

/**
 * One call of a custom action (003's "Invokes a custom action based on a service definition") as
 * the gateway forwarded or will forward it to an Aptic source: the record a caller polls
 * (`clientActionRun`), and what makes an idempotent retry not call Aptic twice. The input is
 * kept (the body sent), never logged.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A custom action forwarded to the factoring platform (Aptic): poll it with clientActionRun(id) when called with async" })
@Entity("client_action_run")
@Index("IDX_client_action_run_client", ["clientId"])
@Index("IDX_client_action_run_source_system", ["sourceSystemId"])
@Index("IDX_client_action_run_queued", ["status", "createdAt"], { where: `"status" = 'QUEUED' AND "job_id" IS NULL` })
@Check("CHK_client_action_run_status", inList("status", Object.values(ActionRunStatus)))
export class ClientActionRun extends TenantEntity {
  /** The client it acts on; null for a global action (invokeAction). */
  @Column({ type: "bigint", nullable: true })
  clientId: string | null;

  @ManyToOne(() => Client, { onDelete: "CASCADE" })
  @JoinColumn({ name: "client_id" })
  client?: Client;

  /** The Aptic source it goes to (null once that source is deleted). */
  @Column({ type: "bigint", nullable: true })
  sourceSystemId: string | null;

  @ManyToOne(() => SourceSystem, { onDelete: "SET NULL" })
  @JoinColumn({ name: "source_system_id" })
  sourceSystem?: SourceSystem;

  /** The client's GUID in that source (its clientGuid); null for a global action. */
  @Column({ type: "varchar", length: 255, nullable: true })
  clientGuid: string | null;

  @Field(() => String, { description: "The service definition invoked" })
  @Column({ type: "varchar", length: 200 })
  serviceDefinition: string;

  /** The JSON body sent (the mutation's input); not a GraphQL field: it is the caller's, and may hold anything. */
  @Column({ type: "jsonb", nullable: true })
  input: unknown;

  @Field(() => Boolean, { description: "Called with async: run on the gateway's job queue, and sent to the source with async=true" })
  @Column({ type: "boolean" })
  async: boolean;

  @Field(() => ActionRunStatus, { description: "Where the run is" })
  @Column({ type: "varchar", length: 16 })
  status: ActionRunStatus;

  @Field(() => JSONScalar, { nullable: true, description: "The source's JSON answer (SUCCEEDED)" })
  @Column({ type: "jsonb", nullable: true })
  result: unknown;

  @Field(() => Int, { nullable: true, description: "The HTTP status the source answered (202 for an action it runs asynchronously)" })
  @Column({ type: "int", nullable: true })
  sourceStatus: number | null;

  @Field(() => String, { nullable: true, description: "The source's Location for an action it runs asynchronously, when it gives one" })
  @StringColumn(1000)
  sourceLocation: string | null;

  @Column({ type: "varchar", length: 64, nullable: true })
  errorCode: string | null;

  @Column({ type: "varchar", length: 1000, nullable: true })
  errorMessage: string | null;

  /** The token subject that asked for it. */
  @Column({ type: "varchar", length: 255 })
  requestedBy: string;

  /** The job queue's job of an async call (pg-boss's id). */
  @Column({ type: "uuid", nullable: true })
  jobId: string | null;

  @Field(() => DateTime, { description: "When it was asked for" })
  @CreatedAt()
  createdAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When it was sent to the source" })
  @TimestampColumn()
  startedAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the source's answer (or the failure) was recorded" })
  @TimestampColumn()
  finishedAt: Date | null;

  @Field(() => DateTime, { description: "When it last changed" })
  @UpdatedAt()
  updatedAt: Date;
}

