import { DirectDebitMandateFieldsResolver } from "./mandate-fields.resolver";
import { DirectDebitMandate } from "./mandate.entity";
import { ClientDirectDebitMandatesFieldResolver } from "./mandate.resolver";
import { mandateWriteResolvers } from "./mandate.writes";

export const mandateEntities = [DirectDebitMandate];
export const mandateResolvers = [ClientDirectDebitMandatesFieldResolver, DirectDebitMandateFieldsResolver, ...mandateWriteResolvers] as const;
