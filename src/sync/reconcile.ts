import { canonicalOrgNumber, normaliseOrgNumber, normaliseVatNumber } from "../common/validation/checksums";

/**
 * Which client a source record is (SOURCES.md, "Reconciliation", rules 1-3). The decision is pure:
 * the caller looks the candidates up (in the run's transaction, under the tenant's row-level
 * security) and applies what is decided; nothing here reads or writes.
 */

/** What a record says about the company it describes, in the gateway's field names. */
export interface RecordIdentity {
  /** The source system the record comes from, and its id there. */
  sourceSystemId: string;
  sourceId: string;
  countryCode?: string | null;
  orgNumber?: string | null;
  vatNumber?: string | null;
  externalIdentifiers?: readonly { source: string; externalId: string }[];
}

/** A client that matched the record one way or another, with the records already linked to it. */
export interface Candidate {
  clientId: string;
  /** The source records linked to this client: (source system, source id). */
  linkedRecords: readonly { sourceSystemId: string; sourceId: string }[];
}

/** The clients found for each rule, as the caller looked them up with `matchKeys`. */
export interface Candidates {
  /** Rule 1: the client already linked to this (source system, source id), if any. */
  linked: Candidate | null;
  /** Rule 2: clients with the same country and normalised org number. */
  byOrgNumber: readonly Candidate[];
  /** Then: clients with the same normalised VAT number. */
  byVatNumber: readonly Candidate[];
  /** Then: clients carrying one of the record's external identifiers. */
  byExternalIdentifier: readonly Candidate[];
}

export type Reconciliation =
  | { kind: "UPDATE"; clientId: string; matchedBy: "LINK" | "ORG_NUMBER" | "VAT_NUMBER" | "EXTERNAL_IDENTIFIER" }
  | { kind: "CREATE" }
  | { kind: "CONFLICT"; clientIds: string[]; reason: string };

/** The normalised keys to look candidates up by: empty keys match nothing. */
export function matchKeys(record: RecordIdentity): { countryCode: string; orgNumber: string; vatNumber: string } {
  const countryCode = (record.countryCode ?? "").trim().toUpperCase();
  return {
    countryCode,
    orgNumber: normaliseOrgNumber(record.orgNumber),
    vatNumber: normaliseVatNumber(record.vatNumber, countryCode || null),
  };
}

/**
 * The forms of a record's org number a client may be stored under: as sent without separators, and
 * the gateway's canonical form (a Swedish personnummer with its century, 12 digits, as a sole
 * trader's is stored), so that `811218-9876` finds the client stored as `198112189876`.
 */
export function orgNumberKeys(countryCode: string | null | undefined, orgNumber: string | null | undefined, individual?: boolean): string[] {
  const plain = normaliseOrgNumber(orgNumber);
  if (!plain) return [];
  const canonical = normaliseOrgNumber(canonicalOrgNumber(countryCode, orgNumber ?? "", individual === undefined ? {} : { individual }));
  return canonical && canonical !== plain ? [plain, canonical] : [plain];
}

/**
 * Rule 1: a record linked to a client updates it. Rule 2: else it matches a client by org number,
 * VAT number or external identifier (the first key that finds it names the match); no client at
 * all creates one. Rule 3: ambiguity is never merged silently: two clients matching one record (by
 * one key or by different keys), or a client that already has another record of the same source
 * (one source's two records would become one client), is a conflict, and the record is not applied.
 */
export function reconcile(record: RecordIdentity, candidates: Candidates): Reconciliation {
  if (candidates.linked) return { kind: "UPDATE", clientId: candidates.linked.clientId, matchedBy: "LINK" };
  const rules = [
    ["ORG_NUMBER", candidates.byOrgNumber],
    ["VAT_NUMBER", candidates.byVatNumber],
    ["EXTERNAL_IDENTIFIER", candidates.byExternalIdentifier],
  ] as const;
  const matches = new Map<string, { client: Candidate; matchedBy: (typeof rules)[number][0] }>();
  for (const [matchedBy, found] of rules) {
    for (const client of found) if (!matches.has(client.clientId)) matches.set(client.clientId, { client, matchedBy });
  }
  if (matches.size === 0) return { kind: "CREATE" };
  if (matches.size > 1) {
    const how = [...new Set([...matches.values()].map((m) => KEY_NAMES[m.matchedBy]))].join(", ");
    return { kind: "CONFLICT", clientIds: [...matches.keys()], reason: `${matches.size} clients match this record (by ${how})` };
  }
  const [{ client, matchedBy }] = matches.values();
  const sibling = client.linkedRecords.find((r) => r.sourceSystemId === record.sourceSystemId && r.sourceId !== record.sourceId);
  if (sibling) {
    return {
      kind: "CONFLICT",
      clientIds: [client.clientId],
      reason: `the client matched by ${KEY_NAMES[matchedBy]} already has record ${sibling.sourceId} of the same source`,
    };
  }
  return { kind: "UPDATE", clientId: client.clientId, matchedBy };
}

const KEY_NAMES = { ORG_NUMBER: "org number", VAT_NUMBER: "VAT number", EXTERNAL_IDENTIFIER: "external identifier" } as const;
