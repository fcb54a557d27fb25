import type { FieldFailure } from "../../common/mutation/mutation-error";
import type { CallerAccess, ChangeScope } from "../../common/mutation/pipeline";
import { normaliseResourceValues, resourceFieldFailures, ResourceFields, ResourceValues } from "../../common/resource/fields";
import { AccountType } from "../chart-of-accounts/account-type.enum";
import { CLIENT_PARAMETER_FIELDS } from "../parameter/parameter.writes";
import { PRICELIST_FIELDS } from "../pricelist/pricelist.writes";
import { ChartOfAccountTemplate } from "./chart-of-account-template.entity";
import { ParameterTemplate } from "./parameter-template.entity";
import { PricelistTemplate } from "./pricelist-template.entity";

/** A template's name: what createClient's pricelistTemplate / parameterTemplate / chartOfAccountTemplate hold (80 characters). */
export const TEMPLATE_NAME_FIELDS: ResourceFields = { name: { kind: "text", max: 80, required: true, description: "Unique per company" } };

/** The fields every template has besides its name and items. */
const DESCRIPTION: ResourceFields = { description: { kind: "text", max: 255 } };

/** What a template of one kind is made of, for the one set/delete machinery and for applying it. */
export interface TemplateKind<E extends TemplateRow = TemplateRow> {
  entity: new () => E;
  /** The GraphQL type (and audit entityType), e.g. PricelistTemplate. */
  typeName: string;
  /** How messages name it. */
  label: string;
  /** The CreateClientInput field that names a template of this kind. */
  clientField: "pricelistTemplate" | "parameterTemplate" | "chartOfAccountTemplate";
  /** The row's property (and the input's field) that holds the items. */
  itemsField: string;
  /** The fields of the template besides name and items. */
  fields: ResourceFields;
  /** The fields of one item. */
  itemFields: ResourceFields;
  /** The item field that must be unique within the template, if any. */
  uniqueItemField?: string;
  maxItems: number;
  /** Rules over all items (paths under `prefix`, e.g. input.lines). */
  itemRules?(items: ResourceValues[], prefix: string): FieldFailure[];
  /** Checks of the items against the database (the services lines name). */
  itemChecks?(scope: ChangeScope, items: ResourceValues[], prefix: string): Promise<FieldFailure[]>;
  /** Defaults an item gets when stored (every field present). */
  itemDefaults: ResourceValues;
}

export interface TemplateRow {
  id: string;
  tenantId: string;
  name: string;
  description: string | null;
  updatedAt: Date;
  [property: string]: unknown;
}

const { pricelistName, isActive, serviceId, isDefaultPricelist, condition, creditorFeeEvents } = PRICELIST_FIELDS;
const currencyCode = { ...PRICELIST_FIELDS.currencyCode, description: "The pricelist's currency (ISO 4217)" };

export const PRICELIST_LINE_FIELDS: ResourceFields = {
  pricelistName,
  currencyCode,
  isActive,
  serviceId: { ...serviceId, required: true, description: "The service it prices: a PricelistService of the company (setPricelistService)" },
  isDefaultPricelist: { ...isDefaultPricelist, description: "Default false. The client's default pricelist: at most one line of a template" },
  condition,
  creditorFeeEvents,
};

export const ACCOUNT_FIELDS: ResourceFields = {
  accountNumber: { kind: "text", max: 20, required: true, description: "Unique in the template" },
  name: { kind: "text", max: 255, required: true },
  accountType: { kind: "enum", enum: AccountType, description: "What kind of account it is" },
};

export const pricelistTemplateKind: TemplateKind<PricelistTemplate & TemplateRow> = {
  entity: PricelistTemplate as new () => PricelistTemplate & TemplateRow,
  typeName: "PricelistTemplate",
  label: "pricelist template",
  clientField: "pricelistTemplate",
  itemsField: "lines",
  fields: { ...DESCRIPTION, templatePricelistId: PRICELIST_FIELDS.templatePricelistId },
  itemFields: PRICELIST_LINE_FIELDS,
  maxItems: 50,
  itemDefaults: { currencyCode: null, isActive: true, isDefaultPricelist: false, condition: null, creditorFeeEvents: false },
  itemRules(items, prefix) {
    const defaults = items.map((item, i) => [item, i] as const).filter(([item]) => item.isDefaultPricelist === true);
    return defaults.slice(1).map(([, i]) => ({ field: `${prefix}.${i}.isDefaultPricelist`, message: `Only one line can be the default (line ${defaults[0][1]} is)` }));
  },
  async itemChecks(scope, items, prefix) {
    const ids = [...new Set(items.map((item) => item.serviceId).filter((id): id is number => typeof id === "number"))];
    if (ids.length === 0) return [];
    // FOR SHARE: a concurrent deletePricelistService (FOR UPDATE) waits for this definition, then sees it.
    const rows = await scope.tx.query<{ service_id: number }>("SELECT service_id FROM pricelist_service WHERE service_id = ANY($1::int[]) FOR SHARE", [ids]);
    const known = new Set(rows.map((row) => row.service_id));
    return items.flatMap((item, i) =>
      typeof item.serviceId === "number" && !known.has(item.serviceId) ? [{ field: `${prefix}.${i}.serviceId`, message: "No pricelist service with this id (setPricelistService defines one)" }] : [],
    );
  },
};

export const parameterTemplateKind: TemplateKind<ParameterTemplate & TemplateRow> = {
  entity: ParameterTemplate as new () => ParameterTemplate & TemplateRow,
  typeName: "ParameterTemplate",
  label: "parameter template",
  clientField: "parameterTemplate",
  itemsField: "parameters",
  fields: DESCRIPTION,
  itemFields: CLIENT_PARAMETER_FIELDS,
  uniqueItemField: "name",
  maxItems: 200,
  itemDefaults: { type: null, value: null, href: null },
};

export const chartOfAccountTemplateKind: TemplateKind<ChartOfAccountTemplate & TemplateRow> = {
  entity: ChartOfAccountTemplate as new () => ChartOfAccountTemplate & TemplateRow,
  typeName: "ChartOfAccountTemplate",
  label: "chart-of-account template",
  clientField: "chartOfAccountTemplate",
  itemsField: "accounts",
  fields: DESCRIPTION,
  itemFields: ACCOUNT_FIELDS,
  uniqueItemField: "accountNumber",
  maxItems: 1000,
  itemDefaults: { accountType: null },
};

export const TEMPLATE_KINDS = [pricelistTemplateKind, parameterTemplateKind, chartOfAccountTemplateKind] as const;

/** A template's definition as set{Kind} takes it: its fields and its items. */
export interface TemplateInput {
  name: string;
  values: ResourceValues;
  items: ResourceValues[];
}

/** Every failure of a template's definition that needs no database: the name, the fields, each item, the rules over them. */
export function templateFailures(kind: TemplateKind, input: TemplateInput, access: CallerAccess): FieldFailure[] {
  const prefix = `input.${kind.itemsField}`;
  const failures = [
    ...resourceFieldFailures(TEMPLATE_NAME_FIELDS, { name: input.name }, "", "create", access),
    ...resourceFieldFailures(kind.fields, input.values, "input", "create", access),
  ];
  if (input.items.length === 0) failures.push({ field: prefix, message: `Give 1 to ${kind.maxItems} items` });
  if (input.items.length > kind.maxItems) failures.push({ field: prefix, message: `At most ${kind.maxItems} items` });
  input.items.forEach((item, i) => failures.push(...resourceFieldFailures(kind.itemFields, item, `${prefix}.${i}`, "create", access)));
  if (kind.uniqueItemField) {
    const field = kind.uniqueItemField;
    const first = new Map<unknown, number>();
    input.items.forEach((item, i) => {
      const key = item[field];
      if (typeof key !== "string") return;
      if (first.has(key)) failures.push({ field: `${prefix}.${i}.${field}`, message: `Already in item ${first.get(key)}: must be unique in the template` });
      else first.set(key, i);
    });
  }
  failures.push(...(kind.itemRules?.(input.items, prefix) ?? []));
  return failures;
}

/** The items as stored: normalised (codes upper case), every field present. */
export function storedItems(kind: TemplateKind, items: ResourceValues[]): ResourceValues[] {
  return items.map((item) => {
    const values = normaliseResourceValues(kind.itemFields, item);
    const stored: ResourceValues = {};
    for (const field of Object.keys(kind.itemFields)) stored[field] = values[field] ?? kind.itemDefaults[field] ?? null;
    return stored;
  });
}
