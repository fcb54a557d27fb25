import type { DataSource } from "typeorm";
import type { RequestContext } from "../../context";
import { WriteTransaction } from "../../db/write-transaction";
import { AuditRecord, writeAudit } from "../../modules/audit/audit.service";
import type { VatChecker } from "../../integrations/vies/vies-client";
import type { CredentialsCipher } from "../../sources/credentials";
import type { WebhookAddressPolicy } from "../../modules/webhook/address-guard";
import { forbidden } from "../errors";
import { fieldSourcesOf, writeFieldSources } from "../../sync/provenance";
import { findStoredCall, idempotencyKeyProblem, requestHash, storeCall, tryLockKey, updateStoredPayload } from "./idempotency";
import { FieldFailure, invalidData, MutationError, MutationErrorCode, MutationFailure, mutationError, UNSTORED_CODES } from "./mutation-error";

/** What the mutation pipeline needs beyond the request: made once per server. */
export interface MutationEnvironment {
  dataSource: DataSource;
  vatChecker: VatChecker;
  idempotencyTtlHours: number;
  /**
   * How long a stored call counts as still running after its commit while its follow-up (the VIES
   * check) may run: a retry meanwhile gets IDEMPOTENCY_KEY_IN_USE rather than a payload that is
   * about to change. A crashed follow-up frees the key when this has passed.
   */
  followUpWindowMs: number;
  /** Seals source systems' credentials (config.sourceCredentialsKey) before they are stored. */
  credentials: CredentialsCipher;
  /** Where webhooks may be sent (config.webhooks): checked when a subscription is created. */
  webhookPolicy: WebhookAddressPolicy;
  /** This process's job queue for async custom actions (invokeClientAction); absent: the dispatcher queues them. */
  actions?: { enqueueAction(job: { tenantId: string; runId: string }): Promise<string> };
}

/**
 * What the caller may see, for the checks whose answer could tell what it may not: without
 * clients:pii nothing a mutation answers may depend on a personal identity number.
 */
export interface CallerAccess {
  /** The token has clients:pii: personal identity numbers may be written, and checked against. */
  pii: boolean;
}

/** What a mutation's change gets: its transaction, what the caller may see, and where to report what it changed. */
export interface ChangeScope extends CallerAccess {
  tx: WriteTransaction;
  tenantId: string;
  dryRun: boolean;
  /** Records a change for the audit trail (written by the pipeline, and not in a dry run). */
  audit(record: AuditRecord): void;
}

/** A change made after commit (e.g. a VIES result), applied in a transaction of its own. */
export interface FollowUp<R> {
  apply(scope: ChangeScope): Promise<R>;
}

/**
 * One mutation, as the pipeline runs it. Everything else (authorisation, the idempotency key,
 * the transaction with the tenant, dry run, audit, storing the payload) is the pipeline's.
 */
export interface MutationSpec<A, R> {
  /** The mutation's GraphQL name: the idempotency scope and the audit operation. */
  name: string;
  /** The scope the caller's token must carry. */
  scope?: string;
  /** The arguments that identify the call (idempotency), without the key and dryRun. */
  fingerprint(args: A): unknown;
  /**
   * Checks that need no database: every failing field at once, as paths of the arguments (or an
   * error of the whole call, such as BULK_LIMIT_EXCEEDED). Nothing is stored for these. They run
   * before the idempotency key is looked up, so a refusal here (a personnummer sent without
   * clients:pii) also keeps a replay or IDEMPOTENCY_KEY_REUSED from telling whether it was right.
   */
  validate(args: A, access: CallerAccess): FieldFailure[] | MutationError;
  /** The change itself. Throws MutationFailure for a business outcome (rolled back, returned as error). */
  change(scope: ChangeScope, args: A): Promise<R>;
  /** The result as JSON to store for replay, and back. */
  serialise(result: R): unknown;
  restore(stored: unknown): R;
  /** After commit, outside any transaction: external calls; returns a change to apply, if any. */
  afterCommit?(result: R, environment: MutationEnvironment): Promise<FollowUp<R> | undefined>;
  /** Whether `afterCommit` has anything to do for this result (else it is not called). */
  needsFollowUp?(result: R): boolean;
  /** How long the follow-up may take (a retry meanwhile is IDEMPOTENCY_KEY_IN_USE); the environment's by default. */
  followUpWindowMs?: number;
}

/** What a mutation ends with; the resolver shapes it into its payload type. */
export interface MutationOutcome<R> {
  result: R | null;
  error: MutationError | null;
  dryRun: boolean;
  replayed: boolean;
}

interface StoredOutcome {
  result: unknown;
  error: MutationError | null;
  /** Set while the follow-up after commit may still change the payload (ISO instant). */
  followUpUntil?: string;
}

export interface MutationCall<A> {
  args: A;
  idempotencyKey: string;
  dryRun: boolean | null | undefined;
}

const accessOf = (ctx: RequestContext): CallerAccess => ({ pii: ctx.caller.scopes.has("clients:pii") });

function keyFailures(key: string): FieldFailure[] {
  const problem = idempotencyKeyProblem(key);
  return problem ? [{ field: "idempotencyKey", message: problem }] : [];
}

/**
 * The one way a mutation runs (API.md, Semantics every mutation shares):
 * authorise -> validate -> (idempotency) -> transaction with the tenant -> change -> audit ->
 * commit, or roll back for a dry run -> store and return the payload -> follow-up after commit.
 */
export async function runMutation<A, R>(ctx: RequestContext, spec: MutationSpec<A, R>, call: MutationCall<A>): Promise<MutationOutcome<R>> {
  const scope = spec.scope ?? "clients:write";
  if (!ctx.caller.scopes.has(scope)) throw forbidden(`This needs the scope ${scope}`);
  const dryRun = call.dryRun === true;
  const access = accessOf(ctx);
  const checked = spec.validate(call.args, access);
  if (!Array.isArray(checked)) return { result: null, error: checked, dryRun, replayed: false };
  const failures = [...keyFailures(call.idempotencyKey), ...checked];
  if (failures.length > 0) return { result: null, error: invalidData(failures), dryRun, replayed: false };

  const environment = ctx.mutations;
  // An earlier field of this request may hold a read connection: give it back, and hold the
  // request's reads, while it writes, so that it holds one connection at a time (concurrent
  // requests can't each hold one and wait for another; one permit of the gate per request).
  const resumeReads = await ctx.pauseReads();
  let committed = false;
  let outcome: MutationOutcome<R>;
  try {
    const tx = await WriteTransaction.open(environment.dataSource, ctx.tenantId, ctx.session.stats, ctx.permits);
    const audits: AuditRecord[] = [];
    try {
      if (!dryRun) {
        const early = await claimKey(tx, ctx, spec, call);
        if (early) {
          await tx.end(false);
          return early;
        }
      }
      const changeScope: ChangeScope = { tx, tenantId: ctx.tenantId, dryRun, ...access, audit: (record) => audits.push(record) };
      outcome = await tx
        .savepoint(() => spec.change(changeScope, call.args))
        .then((result): MutationOutcome<R> => ({ result, error: null, dryRun, replayed: false }))
        .catch((error: unknown): MutationOutcome<R> => {
          if (!(error instanceof MutationFailure)) throw error;
          audits.length = 0;
          return { result: (error.result as R | undefined) ?? null, error: error.error, dryRun, replayed: false };
        });
      const keep = !dryRun && !(outcome.error && UNSTORED_CODES.has(outcome.error.code));
      if (keep) {
        await writeAudit(tx, ctx.tenantId, origin(ctx, spec, call), audits);
        // What a person wrote stands until the field changes in its owning source (SOURCES.md rule 4).
        await writeFieldSources(tx, ctx.tenantId, fieldSourcesOf(audits, null));
        const payload = stored(spec, outcome);
        if (hasFollowUp(spec, outcome)) payload.followUpUntil = new Date(Date.now() + (spec.followUpWindowMs ?? environment.followUpWindowMs)).toISOString();
        // With the caller's write fence: its queries then read on a replica only once the replica has this.
        await storeCall(tx, ctx.tenantId, spec.name, call.idempotencyKey, { requestHash: requestHash(spec.fingerprint(call.args)), payload }, environment.idempotencyTtlHours, ctx.caller.subject);
      }
      await tx.end(keep);
      committed = keep;
    } catch (error) {
      if (!committed) await tx.end(false).catch(() => undefined);
      throw error;
    }
  } finally {
    resumeReads();
  }
  // Reads after a write see it: the request's read snapshot and loader caches start afresh.
  if (committed) await ctx.renewReads();
  if (committed && hasFollowUp(spec, outcome)) {
    outcome = { ...outcome, result: await followUp(ctx, spec, call, outcome.result!) };
  }
  return outcome;
}

const hasFollowUp = <A, R>(spec: MutationSpec<A, R>, outcome: MutationOutcome<R>): boolean =>
  outcome.result !== null && outcome.error === null && spec.afterCommit !== undefined && (spec.needsFollowUp?.(outcome.result) ?? true);

/** Takes the key's lock and looks for a stored call: a replay, a reused key, a key in use, or go on. */
async function claimKey<A, R>(tx: WriteTransaction, ctx: RequestContext, spec: MutationSpec<A, R>, call: MutationCall<A>): Promise<MutationOutcome<R> | null> {
  const done = (code: MutationErrorCode, message: string): MutationOutcome<R> => ({ result: null, error: mutationError(code, message), dryRun: false, replayed: false });
  if (!(await tryLockKey(tx, ctx.tenantId, spec.name, call.idempotencyKey))) {
    return done(MutationErrorCode.IDEMPOTENCY_KEY_IN_USE, "A call with this idempotency key is still running; retry when it has finished");
  }
  const previous = await findStoredCall(tx, spec.name, call.idempotencyKey);
  if (!previous) return null;
  if (previous.requestHash !== requestHash(spec.fingerprint(call.args))) {
    return done(MutationErrorCode.IDEMPOTENCY_KEY_REUSED, "This idempotency key was used with other arguments; use a new key");
  }
  const { result, error, followUpUntil } = previous.payload as StoredOutcome;
  if (followUpUntil && Date.parse(followUpUntil) > Date.now()) {
    return done(MutationErrorCode.IDEMPOTENCY_KEY_IN_USE, "The call with this idempotency key is finishing its checks; retry in a moment");
  }
  return { result: result == null ? null : spec.restore(result), error, dryRun: false, replayed: true };
}

function stored<A, R>(spec: MutationSpec<A, R>, outcome: MutationOutcome<R>): StoredOutcome {
  return { result: outcome.result === null ? null : spec.serialise(outcome.result), error: outcome.error };
}

function origin<A, R>(ctx: RequestContext, spec: MutationSpec<A, R>, call: MutationCall<A>) {
  return { operation: spec.name, actor: ctx.caller.subject, requestId: ctx.requestId, idempotencyKey: call.idempotencyKey };
}

/**
 * The post-commit step: its external calls hold no transaction; its effect is applied, audited
 * and put into the stored payload (which then stops counting as running) in one short
 * transaction. Best effort: when it fails, the committed result stands.
 */
async function followUp<A, R>(ctx: RequestContext, spec: MutationSpec<A, R>, call: MutationCall<A>, result: R): Promise<R> {
  const environment = ctx.mutations;
  let next: FollowUp<R> | undefined;
  try {
    next = await spec.afterCommit!(result, environment);
  } catch (error) {
    ctx.logError(error);
  }
  const resumeReads = await ctx.pauseReads();
  let settled = result;
  try {
    let tx: WriteTransaction;
    try {
      tx = await WriteTransaction.open(environment.dataSource, ctx.tenantId, ctx.session.stats, ctx.permits);
    } catch (error) {
      // No connection for the follow-up (the tenant's own load, the database gone): the committed
      // result stands, and the stored call counts as running until its window has passed.
      ctx.logError(error);
      return result;
    }
    try {
      if (next) {
        const audits: AuditRecord[] = [];
        const updated = await tx.savepoint(() => next.apply({ tx, tenantId: ctx.tenantId, dryRun: false, ...accessOf(ctx), audit: (record) => audits.push(record) }));
        await writeAudit(tx, ctx.tenantId, origin(ctx, spec, call), audits);
        settled = updated;
      }
    } catch (error) {
      ctx.logError(error);
    }
    try {
      await updateStoredPayload(tx, spec.name, call.idempotencyKey, stored(spec, { result: settled, error: null, dryRun: false, replayed: false }), ctx.caller.subject);
      await tx.end(true);
    } catch (error) {
      await tx.end(false).catch(() => undefined);
      ctx.logError(error);
      return result;
    }
  } finally {
    resumeReads();
  }
  if (settled !== result) await ctx.renewReads();
  return settled;
}
