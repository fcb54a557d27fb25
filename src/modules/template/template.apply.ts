import type { FieldFailure } from "../../common/mutation/mutation-error";
import type { ChangeScope } from "../../common/mutation/pipeline";
import { ChildResource, insertChild } from "../../common/resource/child-resource";
import { hydrateRows } from "../../db/hydrate";
import { ClientAccount } from "../chart-of-accounts/client-account.entity";
import type { Client } from "../client/client.entity";
import type { ClientValues } from "../client/client.fields";
import { parameterResource } from "../parameter/parameter.writes";
import { pricelistResource } from "../pricelist/pricelist.writes";
import { noteApplied } from "./applied";
import type { ChartOfAccountTemplate } from "./chart-of-account-template.entity";
import type { ParameterTemplate } from "./parameter-template.entity";
import type { PricelistTemplate } from "./pricelist-template.entity";
import { ACCOUNT_FIELDS, chartOfAccountTemplateKind, parameterTemplateKind, pricelistTemplateKind, TEMPLATE_KINDS, TemplateKind, TemplateRow } from "./template.kinds";

/** A client's chart of accounts as a nested resource: written (and audited) as the other ones are. */
export const accountResource: ChildResource<ClientAccount> = {
  entity: ClientAccount,
  typeName: "ClientAccount",
  label: "account",
  fields: ACCOUNT_FIELDS,
};

/** The templates one new client's input names, found. */
export interface NamedTemplates {
  pricelist: PricelistTemplate | null;
  parameter: ParameterTemplate | null;
  chartOfAccount: ChartOfAccountTemplate | null;
}

export interface ResolvedInput {
  templates: NamedTemplates;
  /** A named template that the company doesn't have: INVALID_DATA at e.g. input.pricelistTemplate. */
  failures: FieldFailure[];
}

/**
 * Finds the templates that new clients' inputs name: one statement per kind that any input names
 * (a bulk create of 50 clients reads each kind once), in the change's transaction.
 */
export async function resolveTemplates(scope: ChangeScope, inputs: readonly { input: ClientValues; prefix: string }[]): Promise<ResolvedInput[]> {
  const found = new Map<TemplateKind, Map<string, TemplateRow>>();
  for (const kind of TEMPLATE_KINDS as readonly TemplateKind[]) {
    const names = [...new Set(inputs.map(({ input }) => input[kind.clientField]).filter((name): name is string => typeof name === "string"))];
    const byName = new Map<string, TemplateRow>();
    if (names.length > 0) {
      const table = scope.tx.manager.connection.getMetadata(kind.entity).tableName;
      const rows = await scope.tx.query<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE name = ANY($1::varchar[])`, [names]);
      for (const row of hydrateRows(scope.tx.manager, kind.entity, rows)) byName.set(row.name, row);
    }
    found.set(kind, byName);
  }
  return inputs.map(({ input, prefix }) => {
    const failures: FieldFailure[] = [];
    const pick = <E>(kind: TemplateKind): E | null => {
      const name = input[kind.clientField];
      if (typeof name !== "string") return null;
      const row = found.get(kind)!.get(name);
      if (!row) failures.push({ field: `${prefix}.${kind.clientField}`, message: `No ${kind.label} of this name (set${kind.typeName} defines one)` });
      return (row as E | undefined) ?? null;
    };
    const templates: NamedTemplates = {
      pricelist: pick<PricelistTemplate>(pricelistTemplateKind as TemplateKind),
      parameter: pick<ParameterTemplate>(parameterTemplateKind as TemplateKind),
      chartOfAccount: pick<ChartOfAccountTemplate>(chartOfAccountTemplateKind as TemplateKind),
    };
    return { templates, failures };
  });
}

/**
 * Gives a new client (inserted in this transaction) what its templates hold: a pricelist per
 * line of the pricelist template (templatePricelistId from the template), the parameters of the
 * parameter template, the accounts of the chart-of-account template. Each row is audited as a
 * nested create of the client; what was created is noted for the dry run's preview.
 */
export async function applyTemplates(scope: ChangeScope, client: Client, templates: NamedTemplates): Promise<void> {
  const pricelists = templates.pricelist?.lines ?? [];
  const parameters = templates.parameter?.parameters ?? [];
  const accounts = templates.chartOfAccount?.accounts ?? [];
  for (const line of pricelists) {
    await insertChild(scope, pricelistResource, client.id, { ...line, templatePricelistId: templates.pricelist!.templatePricelistId }, {}, "input.pricelistTemplate");
  }
  for (const parameter of parameters) await insertChild(scope, parameterResource, client.id, { ...parameter }, {}, "input.parameterTemplate");
  for (const account of accounts) await insertChild(scope, accountResource, client.id, { ...account }, {}, "input.chartOfAccountTemplate");
  noteApplied(client, { pricelists, parameters, chartOfAccounts: accounts });
}
