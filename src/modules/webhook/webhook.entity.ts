import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm";
import { CreatedAt, inList, StringColumn, TimestampColumn, UpdatedAt } from "../../db/columns";
import { TenantEntity } from "../../db/tenant-entity";
import { DateTime, URLScalar } from "../../common/scalars";
import { ClientChangeKind } from "../change-feed/feed";

export enum WebhookSubscriptionStatus {
  ACTIVE = "ACTIVE",
  /** Failed without a success for the give-up period (24 hours): nothing more is sent. */
  DISABLED = "DISABLED",
}
registerEnumType(WebhookSubscriptionStatus, {
  name: "WebhookSubscriptionStatus",
  description: "ACTIVE, or DISABLED after failing for 24 hours without a success",
  valuesConfig: {
    ACTIVE: { description: "Changes are delivered" },
    DISABLED: { description: "No new deliveries: disabled after failing for too long" },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  /** Given up: the subscription was disabled while it was still failing. */
  FAILED = "FAILED",
}
registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "PENDING (waiting or retrying), DELIVERED (a 2xx), FAILED (given up)",
  valuesConfig: {
    PENDING: { description: "Waiting for its first attempt or a retry" },
    DELIVERED: { description: "The endpoint answered with a 2xx" },
    FAILED: { description: "Every attempt failed; no more retries" },
  },
});

/**
 * A company's webhook: where the change feed's changes are POSTed, signed with its secret. The
 * secret is sealed with the credentials cipher (the gateway must sign, so it can't keep a hash),
 * and is never a field: the create payload shows it once. Each subscription keeps its own place in
 * the feed (feed_seq, feed_id), advanced by the fan-out in the transaction that queues deliveries.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "Where changes of the company's clients are POSTed (signed); managed with webhooks:admin" })
@Entity("webhook_subscription")
@Check("CHK_webhook_subscription_status", inList("status", Object.values(WebhookSubscriptionStatus)))
export class WebhookSubscription extends TenantEntity {
  @Field(() => URLScalar, { description: "An http(s) URL" })
  @StringColumn(2048, { nullable: false })
  url: string;

  @Field(() => [ClientChangeKind], { nullable: true, description: "The kinds sent; null: every kind" })
  @Column({ type: "varchar", length: 32, array: true, nullable: true })
  kinds: ClientChangeKind[] | null;

  /** The signing secret, sealed (CredentialsCipher). */
  @Column({ type: "text" })
  secret: string;

  @Field(() => WebhookSubscriptionStatus, { description: "ACTIVE while changes are delivered to the endpoint; DISABLED stops new deliveries" })
  @StringColumn(16, { nullable: false, default: WebhookSubscriptionStatus.ACTIVE })
  status: WebhookSubscriptionStatus;

  @Field(() => DateTime, { nullable: true, description: "When it was disabled for failing too long" })
  @TimestampColumn({ nullable: true })
  disabledAt: Date | null;

  /** Since when every attempt failed (null while the last one succeeded): the give-up clock. */
  @Field(() => DateTime, { nullable: true, description: "Since when its deliveries have been failing, without a success; null when the last one succeeded" })
  @TimestampColumn({ nullable: true })
  failingSince: Date | null;

  /** Its place in the change feed (FeedPosition): null before the first change. */
  @Column({ type: "bigint", nullable: true })
  feedSeq: string | null;

  @Column({ type: "bigint", nullable: true })
  feedId: string | null;

  @Field(() => String, { description: "Who created it (the token's subject)" })
  @StringColumn(255, { nullable: false })
  createdBy: string;

  @Field(() => DateTime, { description: "When the subscription was created" })
  @CreatedAt()
  createdAt: Date;

  @UpdatedAt()
  updatedAt: Date;
}

/**
 * One change to send to one subscription: its id is the `Gateway-Delivery-Id`, the same on every
 * attempt. The body is made when it is queued and kept as sent (the signature covers it).
 * `last_error` is a short summary (a status or "Timed out"), never a response body.
 */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "One change sent to a webhook: its id is the Gateway-Delivery-Id header" })
@Entity("webhook_delivery")
@Index("IDX_webhook_delivery_subscription", ["subscriptionId", "id"])
@Index("IDX_webhook_delivery_due", ["nextAttemptAt"], { where: `"status" = 'PENDING'` })
@Index("UQ_webhook_delivery_change", ["subscriptionId", "changeId"], { unique: true })
@Check("CHK_webhook_delivery_status", inList("status", Object.values(WebhookDeliveryStatus)))
export class WebhookDelivery extends TenantEntity {
  @Column({ type: "bigint" })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: "CASCADE" })
  @JoinColumn({ name: "subscription_id" })
  subscription?: WebhookSubscription;

  /** The change's id in the feed (ChangeRow.id). */
  @Field(() => String, { description: "The change's id (the body's id)" })
  @Column({ type: "bigint" })
  changeId: string;

  /** Ordering per client: a delivery waits for the earlier ones of its client to this subscription. */
  @Field(() => String, { description: "The client the delivered change concerns" })
  @Column({ type: "bigint" })
  clientId: string;

  @Field(() => ClientChangeKind, { description: "What the delivered change did to the client or one of its nested records" })
  @StringColumn(32, { nullable: false })
  kind: ClientChangeKind;

  @Column({ type: "text" })
  body: string;

  @Field(() => WebhookDeliveryStatus, { description: "PENDING while attempts remain, DELIVERED once accepted, FAILED after the last attempt" })
  @StringColumn(16, { nullable: false, default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus;

  @Field(() => Int, { description: "Attempts made so far" })
  @Column({ type: "integer", default: 0 })
  attempts: number;

  @Field(() => String, { nullable: true, description: "Why the last attempt failed, in a few words (an HTTP status, Timed out): never the response body" })
  @StringColumn(200, { nullable: true })
  lastError: string | null;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the last attempt, when it got one" })
  @Column({ type: "integer", nullable: true })
  lastStatus: number | null;

  @TimestampColumn({ nullable: false })
  nextAttemptAt: Date;

  @Field(() => DateTime, { nullable: true, description: "When the latest attempt was made; null before the first" })
  @TimestampColumn({ nullable: true })
  lastAttemptAt: Date | null;

  @Field(() => DateTime, { nullable: true, description: "When the endpoint accepted the delivery with a 2xx; null until then" })
  @TimestampColumn({ nullable: true })
  deliveredAt: Date | null;

  @Field(() => DateTime, { description: "When the change was queued for delivery" })
  @CreatedAt()
  createdAt: Date;
}
