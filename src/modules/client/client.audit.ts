import { displayOrgNumber, displayVatNumber } from "./client.display";
import type { Client } from "./client.entity";
import { ClientType } from "./client.enums";

/** The first character, whole: slicing one UTF-16 unit would split an emoji into a lone surrogate, which jsonb refuses. */
const firstCharacter = (text: string): string => Array.from(text)[0] ?? "";
const maskEmail = (email: string): string => {
  const at = email.lastIndexOf("@");
  return at > 0 ? `${firstCharacter(email)}***${email.slice(at)}` : "***";
};
const maskDigits = (phone: string): string => {
  let keep = 2;
  return [...phone].reverse().map((ch) => (/\d/.test(ch) && keep-- <= 0 ? "*" : ch)).reverse().join("");
};
const maskName = (text: string): string => `${firstCharacter(text)}***`;

const PERSONAL_OF_INDIVIDUALS: Record<string, (value: string) => string> = {
  email: maskEmail,
  administrationEmail: maskEmail,
  pec: maskEmail,
  phone: maskDigits,
  companyPhone: maskDigits,
  cellularPhone: maskDigits,
  street: maskName,
  houseNo: maskName,
  contactPerson: maskName,
};

/**
 * How a client's field value is kept in the audit trail. The audit trail is read by everyone with
 * clients:read and kept for years, so it never holds personal data in clear: org and VAT numbers
 * are stored as shown without clients:pii, and a sole trader's contact details are masked too.
 */
export function auditMask(field: keyof Client & string, value: unknown, client: Client): unknown {
  if (typeof value !== "string") return value;
  if (field === "orgNumber") return displayOrgNumber({ ...client, orgNumber: value }, false);
  if (field === "vatNumber") return displayVatNumber({ ...client, vatNumber: value }, false);
  const mask = client.clientType === ClientType.INDIVIDUAL ? PERSONAL_OF_INDIVIDUALS[field] : undefined;
  return mask ? mask(value) : value;
}
