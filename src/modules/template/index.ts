import { ChartOfAccountTemplate } from "./chart-of-account-template.entity";
import { ParameterTemplate } from "./parameter-template.entity";
import { PricelistService } from "./pricelist-service.entity";
import { PricelistTemplate } from "./pricelist-template.entity";
import { templateMutationResolvers } from "./template.api";
import { TemplateQueryResolver } from "./template.resolver";

export const templateEntities = [PricelistService, PricelistTemplate, ParameterTemplate, ChartOfAccountTemplate];
export const templateResolvers = [TemplateQueryResolver, ...templateMutationResolvers] as const;
