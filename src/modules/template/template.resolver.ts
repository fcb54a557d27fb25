import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import { databaseField } from "../../common/prefetch";
import { entityColumns, queryEntities } from "../../db/hydrate";
import type { TenantSession } from "../../db/tenant-session";
import type { RequestContext } from "../../context";
import { clientService } from "../client/client.service";
import { ChartOfAccountTemplate } from "./chart-of-account-template.entity";
import { ParameterTemplate } from "./parameter-template.entity";
import { PricelistService } from "./pricelist-service.entity";
import { PricelistTemplate } from "./pricelist-template.entity";

@ObjectType({ description: "The pricelist templates and services a client can be given (seed 003's second pricelist operation: {templates, services})" })
export class PricelistOptions {
  @Field(() => [PricelistTemplate], { description: "The company's pricelist templates, by name" })
  templates: PricelistTemplate[];

  @Field(() => [PricelistService], { description: "The company's pricelist services, by service id" })
  services: PricelistService[];

  @Field(() => PricelistTemplate, { nullable: true, description: "With clientId: the template its pricelistTemplate names (null when it names none, or one no longer defined)" })
  clientTemplate: PricelistTemplate | null;
}

/** The company's rows of a definition table, in one statement (row-level security and the tenant). */
async function all<T extends ObjectLiteral>(session: TenantSession, entity: EntityTarget<T>, orderBy: string): Promise<T[]> {
  const manager = await session.manager();
  const table = manager.dataSource.getMetadata(entity).tableName;
  return queryEntities(manager, entity, `SELECT ${entityColumns(manager, entity, "r")} FROM "${table}" r WHERE r.tenant_id = $1 ORDER BY ${orderBy}, r.id`, [session.tenantId]);
}

// Root queries read in their resolvers, before the planner looks beneath them (src/common/prefetch.ts).
const loadPricelistOptions = databaseField("Query", "pricelistOptions", async (_root: unknown, { clientId }: { clientId?: string | null }, ctx): Promise<PricelistOptions | null> => {
  const client = clientId == null ? null : await clientService.findById(ctx.session, clientId);
  if (clientId != null && !client) return null;
  const [templates, services] = [await all(ctx.session, PricelistTemplate, "r.name"), await all(ctx.session, PricelistService, "r.service_id")];
  const clientTemplate = client?.pricelistTemplate ? (templates.find((t) => t.name === client.pricelistTemplate) ?? null) : null;
  return Object.assign(new PricelistOptions(), { templates, services, clientTemplate });
});
const loadParameterTemplates = databaseField("Query", "parameterTemplates", (_root: unknown, _args: object, ctx) => all(ctx.session, ParameterTemplate, "r.name"));
const loadAccountTemplates = databaseField("Query", "chartOfAccountTemplates", (_root: unknown, _args: object, ctx) => all(ctx.session, ChartOfAccountTemplate, "r.name"));

/** The company's templates: thin, each one read in the request's session. */
@Resolver()
export class TemplateQueryResolver {
  @Authorized("clients:read")
  @Query(() => PricelistOptions, {
    nullable: true,
    description:
      "The pricelist templates and services of the company, in one answer as the factoring platform's client API gives them (one operation, {templates, services}). " +
      "With clientId: for that client (null when there is no such client), with the template its pricelistTemplate names",
  })
  pricelistOptions(@Arg("clientId", () => ID, { nullable: true, description: "A client of the company: adds clientTemplate" }) clientId: string | null, @Ctx() ctx: RequestContext): Promise<PricelistOptions | null> {
    return loadPricelistOptions(undefined, { clientId }, ctx);
  }

  @Authorized("clients:read")
  @Query(() => [ParameterTemplate], { description: "The company's parameter templates, by name" })
  parameterTemplates(@Ctx() ctx: RequestContext): Promise<ParameterTemplate[]> {
    return loadParameterTemplates(undefined, {}, ctx);
  }

  @Authorized("clients:read")
  @Query(() => [ChartOfAccountTemplate], { description: "The company's chart-of-account templates, by name" })
  chartOfAccountTemplates(@Ctx() ctx: RequestContext): Promise<ChartOfAccountTemplate[]> {
    return loadAccountTemplates(undefined, {}, ctx);
  }
}
