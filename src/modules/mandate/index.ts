import { DirectDebitMandateFieldsResolver } from "./mandate-fields.resolver";
import { DirectDebitMandate } from "./mandate.entity";
import { ClientDirectDebitMandatesFieldResolver } from "./mandate.resolver";

export const mandateEntities = [DirectDebitMandate];
export const mandateResolvers = [ClientDirectDebitMandatesFieldResolver, DirectDebitMandateFieldsResolver] as const;
