import { DirectDebitMandateFieldsResolver } from "./mandate-fields.resolver";
import { DirectDebitMandate } from "./mandate.entity";
import { ClientDirectDebitMandatesFieldResolver, DirectDebitMandateQueryResolver } from "./mandate.resolver";
import { mandateWriteResolvers } from "./mandate.writes";

export const mandateEntities = [DirectDebitMandate];
export const mandateResolvers = [ClientDirectDebitMandatesFieldResolver, DirectDebitMandateQueryResolver, DirectDebitMandateFieldsResolver, ...mandateWriteResolvers] as const;
