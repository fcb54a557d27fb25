import { WebhookDelivery, WebhookSubscription } from "./webhook.entity";
import { WebhookMutationResolver, WebhookSubscriptionResolver } from "./webhook.resolver";

export const webhookEntities = [WebhookSubscription, WebhookDelivery];
export const webhookResolvers = [WebhookSubscriptionResolver, WebhookMutationResolver] as const;
