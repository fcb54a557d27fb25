import type { FieldFailure } from "../common/mutation/mutation-error";
import { textProblem } from "../common/validation/text";
import { scheduleSeconds } from "../sync/runs";
import type { SourceCredentials } from "./credentials";
import { SourceKind } from "./source-system.entity";
import type { SourceAuthInput } from "./source-system.inputs";

/** The checks of a source system's input. No message ever holds a value: it may be a secret. */

const MAX_URL = 2048;
const MAX_SECRET = 4096;
/** A secret goes into a header: a line break or another control character would forge one. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export type AuthKind = "bearerToken" | "apiKey" | "oauth2";

/** The one kind of credentials given, or null when none or several are. */
export function authKindOf(auth: SourceAuthInput): AuthKind | null {
  const given = (["bearerToken", "apiKey", "oauth2"] as const).filter((kind) => auth[kind] != null);
  return given.length === 1 ? given[0] : null;
}

/** What each kind of source authenticates with (SOURCES.md). */
const AUTH_OF_KIND: Record<SourceKind, readonly AuthKind[]> = {
  [SourceKind.CRM]: ["bearerToken"],
  [SourceKind.INVOICING]: ["bearerToken"],
  [SourceKind.APTIC]: ["oauth2", "apiKey"],
  [SourceKind.CREDIT_DATA]: ["bearerToken"],
};

/** Kinds whose requests name the source's company (X-Company-Id, /companies/{companyId}). */
const NEEDS_COMPANY_ID: ReadonlySet<SourceKind> = new Set([SourceKind.CRM, SourceKind.INVOICING]);

/** An http(s) URL with nothing secret in it: no user or password, no query, no fragment. */
export function urlProblem(url: URL | string): string | null {
  const text = String(url);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return "Must be a URL";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "Must be an http or https URL";
  if (parsed.username || parsed.password) return "Must not carry credentials: give them in auth";
  if (parsed.search || parsed.hash) return "Must not have a query or a fragment (credentials go in auth)";
  if (text.length > MAX_URL) return `At most ${MAX_URL} characters`;
  return null;
}

function secretProblem(value: string, max = MAX_SECRET): string | null {
  if (value.trim() === "") return "Must not be blank";
  if (value.length > max) return `At most ${max} characters`;
  if (CONTROL.test(value)) return "Must not contain control characters or line breaks";
  return null;
}

const push = (failures: FieldFailure[], field: string, problem: string | null) => {
  if (problem) failures.push({ field, message: problem });
};

/** Every failure of a SourceAuthInput, at `path` (input.auth, patch.auth). */
export function authFailures(auth: SourceAuthInput, path: string): FieldFailure[] {
  const failures: FieldFailure[] = [];
  if (authKindOf(auth) === null) failures.push({ field: path, message: "Give exactly one of bearerToken, apiKey, oauth2" });
  if (auth.bearerToken != null) push(failures, `${path}.bearerToken`, secretProblem(auth.bearerToken));
  if (auth.apiKey != null) push(failures, `${path}.apiKey`, secretProblem(auth.apiKey));
  if (auth.oauth2 != null) {
    const oauth2 = auth.oauth2;
    push(failures, `${path}.oauth2.tokenUrl`, urlProblem(oauth2.tokenUrl));
    push(failures, `${path}.oauth2.clientId`, secretProblem(oauth2.clientId, 255));
    push(failures, `${path}.oauth2.clientSecret`, secretProblem(oauth2.clientSecret));
    if (oauth2.scope != null) push(failures, `${path}.oauth2.scope`, textProblem(oauth2.scope, { max: 1024, required: true }) ?? (CONTROL.test(oauth2.scope) ? "Must not contain control characters" : null));
  }
  return failures;
}

/** The kind's own requirements: its credentials and, for CRM and INVOICING, a company id. */
export function kindFailures(kind: SourceKind, values: { companyId?: string | null; auth?: SourceAuthInput | null }, prefix: string, checkCompanyId: boolean): FieldFailure[] {
  const failures: FieldFailure[] = [];
  if (checkCompanyId && NEEDS_COMPANY_ID.has(kind) && (values.companyId == null || values.companyId.trim() === "")) {
    failures.push({ field: `${prefix}.companyId`, message: `Required for a ${kind} source: its requests name the source's company` });
  }
  const given = values.auth ? authKindOf(values.auth) : null;
  if (given && !AUTH_OF_KIND[kind].includes(given)) {
    failures.push({ field: `${prefix}.auth`, message: `A ${kind} source authenticates with ${AUTH_OF_KIND[kind].join(" or ")}, not ${given}` });
  }
  return failures;
}

/** The fields both inputs share, each checked when present (`undefined`: not given). */
export interface SourceFieldValues {
  name?: string | null;
  baseUrl?: URL | string | null;
  companyId?: string | null;
  apiVersion?: string | null;
  auth?: SourceAuthInput | null;
  schedule?: string | null;
  enabled?: boolean | null;
}

/** Every failure of the fields given, at `prefix.field`; `update`: a required field may not be cleared. */
export function fieldFailures(values: SourceFieldValues, prefix: string, mode: "create" | "update"): FieldFailure[] {
  const failures: FieldFailure[] = [];
  const cleared = (field: keyof SourceFieldValues, message = "Can't be cleared") => {
    if (mode === "update" && values[field] === null) failures.push({ field: `${prefix}.${field}`, message });
  };
  cleared("name");
  cleared("baseUrl");
  cleared("enabled");
  cleared("auth", "Can't be cleared: give new credentials, or leave auth out to keep them");
  if (values.name != null) push(failures, `${prefix}.name`, textProblem(values.name, { max: 255, required: true }));
  if (values.baseUrl != null) push(failures, `${prefix}.baseUrl`, urlProblem(values.baseUrl));
  if (values.companyId != null) push(failures, `${prefix}.companyId`, textProblem(values.companyId, { max: 64, required: true }));
  if (values.apiVersion != null) push(failures, `${prefix}.apiVersion`, textProblem(values.apiVersion, { max: 32, required: true }));
  if (values.schedule != null && scheduleSeconds(values.schedule) === null) {
    failures.push({ field: `${prefix}.schedule`, message: "Must be an ISO-8601 duration from PT1M to P366D, e.g. PT15M or P1D" });
  }
  if (values.auth != null) failures.push(...authFailures(values.auth, `${prefix}.auth`));
  return failures;
}

/** The credentials of a valid SourceAuthInput, as CredentialsCipher takes them (no nulls, URLs as text). */
export function credentialsOf(auth: SourceAuthInput): SourceCredentials {
  const credentials: SourceCredentials = {};
  if (auth.bearerToken != null) credentials.bearerToken = auth.bearerToken;
  if (auth.apiKey != null) credentials.apiKey = auth.apiKey;
  if (auth.oauth2 != null) {
    const { tokenUrl, clientId, clientSecret, scope } = auth.oauth2;
    credentials.oauth2 = { tokenUrl: String(tokenUrl), clientId, clientSecret, ...(scope != null ? { scope } : {}) };
  }
  return credentials;
}
