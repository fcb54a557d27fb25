import { Field, ObjectType } from "type-graphql";
import { carriesSwedishPersonalNumber } from "../common/validation/checksums";
import { displayIdNumber, displayVatNumber, maskPersonalNumber } from "../modules/client/client.display";
import { ClientType } from "../modules/client/client.enums";

/**
 * A value a source sent that the gateway's checks refused (kept as sent in the record's raw
 * copy): one entry of a source record's `issues`, with the record's source and the client's type
 * (for masking).
 */
@ObjectType({ description: "A value a source sent that the gateway's checks refused; the rest of the record synced" })
export class DataQualityIssue {
  @Field(() => String, { description: "The client's field, by its GraphQL name" })
  field: string;

  @Field(() => String, { nullable: true, description: "The field's name in the source's own record" })
  sourceField: string | null;

  @Field(() => String, { description: "Why the value was kept raw instead of mapped, in words safe to show" })
  message: string;

  /** The value as sent: shown through DataQualityIssueResolver.value (masked where it is a personnummer). */
  rawValue: string | null;
  tenantId: string;
  sourceSystemId: string;
  clientType: ClientType;
}

/** Fields whose value is, or embeds, an identity number. */
const IDENTITY_FIELDS = new Set(["orgNumber", "vatNumber"]);

/**
 * Shaped like a Swedish personnummer (10 or 12 digits, a month of 01..12 and a day of 01..31, or
 * 61..91 for a samordningsnummer), whatever its check digit: a refused value usually fails its
 * check, and would still be someone's number with one digit mistyped. Organisationsnummer have a
 * "month" of 20 or more, so a company's number is not taken for one.
 */
export function personalShaped(value: string): boolean {
  const digits = value.replace(/\D/g, "");
  if (digits.length !== 10 && digits.length !== 12) return false;
  const ten = digits.slice(-10);
  const month = Number(ten.slice(2, 4));
  const day = Number(ten.slice(4, 6));
  return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

/**
 * The refused value as the caller may see it: without clients:pii, an identity field's value of an
 * INDIVIDUAL client, or any value shaped like a personnummer, is masked as Client.orgNumber is
 * (the serial part hidden); the rest as sent.
 */
export function displayIssueValue(issue: Pick<DataQualityIssue, "field" | "rawValue" | "clientType">, pii: boolean): string | null {
  const value = issue.rawValue;
  if (value == null || pii) return value;
  if (issue.field === "vatNumber" && issue.clientType === ClientType.INDIVIDUAL) {
    return displayVatNumber({ clientType: ClientType.INDIVIDUAL, countryCode: null, orgNumber: null, vatNumber: value }, false);
  }
  if (carriesSwedishPersonalNumber(value)) return displayIdNumber(value, false);
  if ((IDENTITY_FIELDS.has(issue.field) && issue.clientType === ClientType.INDIVIDUAL) || personalShaped(value)) return maskPersonalNumber(value);
  return value;
}

/** A text that is, or carries, a personnummer (by checksum or by shape), with its serial part hidden. */
function maskedText(value: string): string {
  if (carriesSwedishPersonalNumber(value)) return displayIdNumber(value, false) ?? value;
  return personalShaped(value) ? maskPersonalNumber(value) : value;
}

/**
 * A JSON value (a sync issue's detail: both sides of a conflict, a source's error body) with every
 * personnummer in it masked, at any depth, unless `pii`: the detail doesn't say whose records it
 * holds, so anything shaped like one is taken for one, as a number too.
 */
export function maskPersonalNumbersIn(value: unknown, pii: boolean, depth = 0): unknown {
  if (pii || value == null) return value;
  if (typeof value === "string") return maskedText(value);
  if (typeof value === "number") return personalShaped(String(value)) ? maskPersonalNumber(String(value)) : value;
  if (typeof value !== "object" || depth > 32) return depth > 32 ? null : value;
  if (Array.isArray(value)) return value.map((item) => maskPersonalNumbersIn(item, pii, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskPersonalNumbersIn(item, pii, depth + 1)]));
}
