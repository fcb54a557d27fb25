import { Field, ObjectType, registerEnumType } from "type-graphql";

/**
 * The outcomes of a mutation that are data, not request errors (API.md, Errors): the payload's
 * `error.code`. Frontends switch on these; the message is for people.
 */
export enum MutationErrorCode {
  INVALID_DATA = "INVALID_DATA",
  NOT_FOUND = "NOT_FOUND",
  PRECONDITION_FAILED = "PRECONDITION_FAILED",
  CLIENT_DUPLICATE_ORG_NUMBER = "CLIENT_DUPLICATE_ORG_NUMBER",
  CLIENT_HAS_OPEN_INVOICES = "CLIENT_HAS_OPEN_INVOICES",
  IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED",
  IDEMPOTENCY_KEY_IN_USE = "IDEMPOTENCY_KEY_IN_USE",
  BULK_LIMIT_EXCEEDED = "BULK_LIMIT_EXCEEDED",
  /** A bulk item that was valid but not kept, because its `allOrNothing` batch failed elsewhere. */
  BATCH_ABORTED = "BATCH_ABORTED",
  /** The client has this one-per-client resource (a contract) already: update or delete it. */
  ALREADY_EXISTS = "ALREADY_EXISTS",
  /** closeDirectDebitMandate on a mandate that is closed already. */
  MANDATE_ALREADY_CLOSED = "MANDATE_ALREADY_CLOSED",
  /** addExternalIdentifier with a (source, externalId) that another client of the company holds. */
  EXTERNAL_IDENTIFIER_IN_USE = "EXTERNAL_IDENTIFIER_IN_USE",
  /** startSync on a source that is disabled: enable it (updateSourceSystem) first. */
  SOURCE_DISABLED = "SOURCE_DISABLED",
  /** deleteSourceSystem while the source has an open (queued or running) run: cancel it or let it finish. */
  SYNC_RUN_OPEN = "SYNC_RUN_OPEN",
  /** cancelSync on a run that had finished already: the payload's run says how it ended. */
  SYNC_RUN_FINISHED = "SYNC_RUN_FINISHED",
  /** deletePricelistService while a pricelist template has a line for the service: change or delete the template first. */
  SERVICE_IN_USE = "SERVICE_IN_USE",
  /** invokeClientAction on a client that no Aptic source has (not synced from one), or invokeAction in a company without an Aptic source. */
  NO_APTIC_SOURCE = "NO_APTIC_SOURCE",
  /** The source refused or failed the forwarded call (its status and redacted problem in the message). */
  SOURCE_ERROR = "SOURCE_ERROR",
  /** The source did not answer in time, or at all: the forwarded call may or may not have run. */
  SOURCE_UNAVAILABLE = "SOURCE_UNAVAILABLE",
}

registerEnumType(MutationErrorCode, {
  name: "MutationErrorCode",
  description:
    "Why a mutation did not do what was asked (MutationError.code): switch on it, show the message to people. " +
    "New values may be added; treat an unknown one as a failure with its message.",
  valuesConfig: {
    INVALID_DATA: { description: "The input failed validation: `failures` lists every failing field. Nothing was written or stored for replay: correct and retry with the same key." },
    NOT_FOUND: { description: "The record the mutation names (a client, a nested record, a source, a run) doesn't exist in this company." },
    PRECONDITION_FAILED: { description: "The record changed after `expectedUpdatedAt`: read it again and reapply the change." },
    CLIENT_DUPLICATE_ORG_NUMBER: { description: "Another client of the company (archived ones included) has this org number in this country: restore or update that one." },
    CLIENT_HAS_OPEN_INVOICES: { description: "The client has an open invoice (SENT, PARTIALLY_PAID, OVERDUE), so it can't be archived." },
    IDEMPOTENCY_KEY_REUSED: { description: "The idempotency key was used before with other arguments. Nothing was stored: use a new key." },
    IDEMPOTENCY_KEY_IN_USE: { description: "A call with this idempotency key is still running: retry shortly with the same key." },
    BULK_LIMIT_EXCEEDED: { description: "A bulk mutation got more items than it takes (bulkCreateClients: 1..50). Nothing was written." },
    BATCH_ABORTED: { description: "A bulk item that was valid but not kept, because its `allOrNothing` batch failed elsewhere." },
    ALREADY_EXISTS: { description: "The client has this one-per-client resource (a contract, a factoring contract) already: update or delete it." },
    MANDATE_ALREADY_CLOSED: { description: "closeDirectDebitMandate on a mandate that is closed already." },
    EXTERNAL_IDENTIFIER_IN_USE: { description: "addExternalIdentifier with a (source, externalId) that another client of the company holds." },
    SOURCE_DISABLED: { description: "startSync on a source that is disabled: enable it (updateSourceSystem) first." },
    SYNC_RUN_OPEN: { description: "deleteSourceSystem while the source has an open (queued or running) run: cancel it or let it finish." },
    SYNC_RUN_FINISHED: { description: "cancelSync on a run that had finished already: the payload's run says how it ended." },
    SERVICE_IN_USE: { description: "deletePricelistService while a pricelist template has a line for the service: change or delete the template first." },
    NO_APTIC_SOURCE: { description: "invokeClientAction on a client no Aptic source has, or invokeAction in a company without an Aptic source." },
    SOURCE_ERROR: { description: "The source refused or failed the forwarded call (its status and redacted problem in the message)." },
    SOURCE_UNAVAILABLE: { description: "The source did not answer in time, or at all: the forwarded call may or may not have run." },
  } satisfies Record<MutationErrorCode, { description: string }>,
});

/**
 * Outcomes that leave nothing behind, so the caller may correct the input and retry with the
 * same key (as Stripe does): they are never stored for replay.
 */
export const UNSTORED_CODES: ReadonlySet<MutationErrorCode> = new Set([
  MutationErrorCode.INVALID_DATA,
  MutationErrorCode.IDEMPOTENCY_KEY_REUSED,
  MutationErrorCode.IDEMPOTENCY_KEY_IN_USE,
  MutationErrorCode.BULK_LIMIT_EXCEEDED,
]);

@ObjectType({ description: "One input field that failed validation" })
export class FieldFailure {
  @Field(() => String, { description: "Path of the field in the mutation's arguments, e.g. inputs.3.email" })
  field: string;

  @Field(() => String, { description: "What is wrong with the value, for people (English; never echoes the value)" })
  message: string;
}

@ObjectType({ description: "Why a mutation (or one item of a bulk mutation) did not do what was asked" })
export class MutationError {
  @Field(() => MutationErrorCode, { description: "What went wrong, for code to switch on (see MutationErrorCode)" })
  code: MutationErrorCode;

  @Field(() => String, { description: "What went wrong, for people (English; safe to show, no personal data); branch on code, not on this text" })
  message: string;

  @Field(() => [FieldFailure], { description: "Every failing field at once (INVALID_DATA); empty otherwise" })
  failures: FieldFailure[];
}

export function mutationError(code: MutationErrorCode, message: string, failures: FieldFailure[] = []): MutationError {
  return Object.assign(new MutationError(), { code, message, failures: failures.map((f) => Object.assign(new FieldFailure(), f)) });
}

/**
 * Thrown inside a mutation's change to end it with a business outcome: the pipeline rolls the
 * change back and returns (and, unless the code is unstored, keeps) the error as the payload's.
 */
export class MutationFailure extends Error {
  constructor(
    readonly error: MutationError,
    /** What to return with the error, e.g. the per-item results of a failed all-or-nothing batch. */
    readonly result?: unknown,
  ) {
    super(error.message);
    this.name = "MutationFailure";
  }
}

export const fail = (code: MutationErrorCode, message: string, failures: FieldFailure[] = []): MutationFailure =>
  new MutationFailure(mutationError(code, message, failures));

export function invalidData(failures: FieldFailure[]): MutationError {
  const count = failures.length;
  return mutationError(MutationErrorCode.INVALID_DATA, `${count} field${count === 1 ? "" : "s"} failed validation`, failures);
}
