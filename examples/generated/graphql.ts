/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why a mutation did not do what was asked (MutationError.code): switch on it, show the message to people. New values may be added; treat an unknown one as a failure with its message. */
export type MutationErrorCode =
  /** The client has this one-per-client resource (a contract, a factoring contract) already: update or delete it. */
  | 'ALREADY_EXISTS'
  /** A bulk item that was valid but not kept, because its `allOrNothing` batch failed elsewhere. */
  | 'BATCH_ABORTED'
  /** A bulk mutation got more items than it takes (bulkCreateClients: 1..50). Nothing was written. */
  | 'BULK_LIMIT_EXCEEDED'
  /** Another client of the company (archived ones included) has this org number in this country: restore or update that one. */
  | 'CLIENT_DUPLICATE_ORG_NUMBER'
  /** The client has an open invoice (SENT, PARTIALLY_PAID, OVERDUE), so it can't be archived. */
  | 'CLIENT_HAS_OPEN_INVOICES'
  /** addExternalIdentifier with a (source, externalId) that another client of the company holds. */
  | 'EXTERNAL_IDENTIFIER_IN_USE'
  /** A call with this idempotency key is still running: retry shortly with the same key. */
  | 'IDEMPOTENCY_KEY_IN_USE'
  /** The idempotency key was used before with other arguments. Nothing was stored: use a new key. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The input failed validation: `failures` lists every failing field. Nothing was written or stored for replay: correct and retry with the same key. */
  | 'INVALID_DATA'
  /** closeDirectDebitMandate on a mandate that is closed already. */
  | 'MANDATE_ALREADY_CLOSED'
  /** The record the mutation names (a client, a nested record, a source, a run) doesn't exist in this company. */
  | 'NOT_FOUND'
  /** invokeClientAction on a client no Aptic source has, or invokeAction in a company without an Aptic source. */
  | 'NO_APTIC_SOURCE'
  /** The record changed after `expectedUpdatedAt`: read it again and reapply the change. */
  | 'PRECONDITION_FAILED'
  /** deletePricelistService while a pricelist template has a line for the service: change or delete the template first. */
  | 'SERVICE_IN_USE'
  /** startSync on a source that is disabled: enable it (updateSourceSystem) first. */
  | 'SOURCE_DISABLED'
  /** The source refused or failed the forwarded call (its status and redacted problem in the message). */
  | 'SOURCE_ERROR'
  /** The source did not answer in time, or at all: the forwarded call may or may not have run. */
  | 'SOURCE_UNAVAILABLE'
  /** cancelSync on a run that had finished already: the payload's run says how it ended. */
  | 'SYNC_RUN_FINISHED'
  /** deleteSourceSystem while the source has an open (queued or running) run: cancel it or let it finish. */
  | 'SYNC_RUN_OPEN';

export type ClientForInvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientForInvoiceQuery = { client: { id: string, name: string, creditLimit: string | null, creditLimitCurrency: string | null, intentDate: string | null, updatedAt: string } | null };

export type CloseMandateMutationVariables = Exact<{
  id: string | number;
  closedAt?: string | null | undefined;
  key: string;
}>;


export type CloseMandateMutation = { closeDirectDebitMandate: { mandate: { id: string, closedAt: string | null, validUntil: string | null } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };


export const ClientForInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientForInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"intentDate"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<ClientForInvoiceQuery, ClientForInvoiceQueryVariables>;
export const CloseMandateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseMandate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"closedAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeDirectDebitMandate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"closedAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"closedAt"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mandate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CloseMandateMutation, CloseMandateMutationVariables>;