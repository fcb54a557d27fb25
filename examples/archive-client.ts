/**
 * A typed client operation as a consumer writes it: the graphql() document is typed by the client
 * preset (examples/codegen.ts), so `variables` and the result are checked by tsc, with dates and
 * amounts as strings and MutationError.code as a union of the MutationErrorCode values.
 */
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import { graphql } from "./generated";

export const ClientForInvoiceQuery = graphql(`
  query ClientForInvoice($id: ID!) {
    client(id: $id) {
      id
      name
      creditLimit
      creditLimitCurrency
      intentDate
      updatedAt
    }
  }
`);

export const CloseMandateMutation = graphql(`
  mutation CloseMandate($id: ID!, $closedAt: DateTime, $key: String!) {
    closeDirectDebitMandate(id: $id, closedAt: $closedAt, idempotencyKey: $key) {
      mandate { id closedAt validUntil }
      error { code message failures { field message } }
    }
  }
`);

/** POSTs one typed operation to the gateway with a plain fetch. */
export async function request<R, V>(url: string, headers: Record<string, string>, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ") ?? `HTTP ${response.status}`);
  return body.data;
}

/** What a frontend does with the outcome: a switch on the enum, no parsing of messages. */
export async function closeMandate(url: string, headers: Record<string, string>, id: string): Promise<string> {
  const { closeDirectDebitMandate: payload } = await request(url, headers, CloseMandateMutation, { id, closedAt: new Date().toISOString(), key: crypto.randomUUID() });
  const { error } = payload;
  if (!error) return `closed at ${payload.mandate?.closedAt ?? "?"}`;
  switch (error.code) {
    case "MANDATE_ALREADY_CLOSED": return "was closed already";
    case "INVALID_DATA": return error.failures.map((f) => `${f.field}: ${f.message}`).join(", ");
    default: return error.message;
  }
}

/** A client's credit limit, typed: creditLimit is a Decimal string, never a float. */
export async function creditLimitOf(url: string, headers: Record<string, string>, id: string): Promise<string | null> {
  const { client } = await request(url, headers, ClientForInvoiceQuery, { id });
  return client?.creditLimit == null ? null : `${client.creditLimit} ${client.creditLimitCurrency ?? ""}`.trim();
}
