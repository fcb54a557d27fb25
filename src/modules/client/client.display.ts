import { carriesSwedishPersonalNumber, formatOrgNumber, isValidSwedishPersonalNumber } from "../../common/validation/checksums";
import { ClientType } from "./client.enums";

/** What the display rules need of a client (a stored Client or a preview). */
export interface ClientIdentity {
  clientType: ClientType;
  countryCode: string | null;
  orgNumber: string | null;
  vatNumber: string | null;
}

/** Hides the serial part of a personal identity number: `19800101-1234` -> `19800101-****`. */
export function maskPersonalNumber(formatted: string): string {
  const digits = [...formatted].filter((ch) => /[0-9A-Za-z]/.test(ch)).length;
  let toMask = Math.min(4, digits);
  return [...formatted]
    .reverse()
    .map((ch) => (/[0-9A-Za-z]/.test(ch) && toMask-- > 0 ? "*" : ch))
    .reverse()
    .join("");
}

/**
 * The org number in the country's usual format; for INDIVIDUAL clients a personal identity
 * number, masked unless `pii` (the caller's clients:pii scope). The one rule for every place an
 * org number is shown: details, lists, previews, bulk results and the audit trail.
 */
export function displayOrgNumber(client: ClientIdentity, pii: boolean): string | null {
  if (!client.orgNumber) return null;
  const formatted = formatOrgNumber(client.countryCode ?? "", client.orgNumber);
  return client.clientType === ClientType.INDIVIDUAL && !pii ? maskPersonalNumber(formatted) : formatted;
}

/** A sole trader's VAT number can embed the personnummer: masked like orgNumber without `pii`. */
export function displayVatNumber(client: ClientIdentity, pii: boolean): string | null {
  if (!client.vatNumber || client.clientType !== ClientType.INDIVIDUAL || pii) return client.vatNumber;
  // A Swedish sole trader's VAT number is SE + the 10-digit personnummer + 01: hide its serial part.
  const personal = (client.orgNumber ?? "").slice(-10);
  const at = personal.length === 10 ? client.vatNumber.indexOf(personal) : -1;
  if (at >= 0) return `${client.vatNumber.slice(0, at + 6)}****${client.vatNumber.slice(at + 10)}`;
  return client.vatNumber.slice(0, 2) + client.vatNumber.slice(2).replace(/[0-9A-Za-z]/g, "*");
}

/**
 * Free text kept on a nested record that may hold a personal identity number (a contract's
 * idNumber, an external identifier): masked, unless `pii`, when it carries a Swedish personnummer
 * (the same test that refuses writing it without clients:pii), since the record doesn't say whose
 * it is. The four serial digits are hidden wherever they stand (before the 01 of a VAT number).
 */
export function displayIdNumber(value: string | null, pii: boolean): string | null {
  if (!value || pii || !carriesSwedishPersonalNumber(value)) return value;
  const text = value.trim();
  const digits = text.replace(/\D/g, "");
  const serialEnd = isValidSwedishPersonalNumber(digits) ? digits.length : digits.length - 2;
  let digit = -1; // the index among the digits of the character at hand
  return [...text]
    .map((ch) => {
      if (!/\d/.test(ch)) return ch;
      digit += 1;
      return digit >= serialEnd - 4 && digit < serialEnd ? "*" : ch;
    })
    .join("");
}
