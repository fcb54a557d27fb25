/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Kind of account number (Aptic bankAccountClass) */
export type BankAccountClass =
  | 'DK_BANKGIRO'
  | 'FI_BANK_ACCOUNT'
  | 'FOREIGN_BANK_ACCOUNT'
  | 'NL_BANK_ACCOUNT'
  | 'NO_BANKGIRO'
  | 'NO_BANK_ACCOUNT'
  | 'SE_BANKGIRO'
  | 'SE_BANK_ACCOUNT'
  | 'SE_PLUSGIRO'
  | 'UNKNOWN';

export type BooleanFilter = {
  eq?: boolean | null | undefined;
  isNull?: boolean | null | undefined;
  neq?: boolean | null | undefined;
};

/** Conditions on a client's columns; all given conditions must hold */
export type ClientFilter = {
  active?: BooleanFilter | null | undefined;
  and?: Array<ClientFilter> | null | undefined;
  archivedAt?: DateTimeFilter | null | undefined;
  blocked?: BooleanFilter | null | undefined;
  city?: StringFilter | null | undefined;
  clientType?: ClientTypeFilter | null | undefined;
  companyType?: CompanyTypeFilter | null | undefined;
  countryCode?: StringFilter | null | undefined;
  createdAt?: DateTimeFilter | null | undefined;
  currencyCode?: StringFilter | null | undefined;
  email?: StringFilter | null | undefined;
  id?: IdFilter | null | undefined;
  legalName?: StringFilter | null | undefined;
  name?: StringFilter | null | undefined;
  not?: ClientFilter | null | undefined;
  or?: Array<ClientFilter> | null | undefined;
  /** Compared normalised: dashes and spaces don't matter */
  orgNumber?: StringFilter | null | undefined;
  parentId?: IdFilter | null | undefined;
  rating?: StringFilter | null | undefined;
  referenceCode?: StringFilter | null | undefined;
  updatedAt?: DateTimeFilter | null | undefined;
  vatNumber?: StringFilter | null | undefined;
  vatNumberValidated?: BooleanFilter | null | undefined;
};

/** One sort key; empty values sort last in both directions; ID, in the last key's direction, breaks ties */
export type ClientOrder = {
  direction?: SortDirection;
  field: ClientOrderField;
};

export type ClientOrderField =
  | 'ARCHIVED_AT'
  | 'COUNTRY_CODE'
  | 'CREATED_AT'
  | 'ID'
  | 'LEGAL_NAME'
  | 'NAME'
  | 'ORG_NUMBER'
  | 'REFERENCE_CODE'
  | 'UPDATED_AT';

/** A company, or a person (sole trader) */
export type ClientType =
  | 'BUSINESS'
  | 'INDIVIDUAL';

export type ClientTypeFilter = {
  eq?: ClientType | null | undefined;
  in?: Array<ClientType> | null | undefined;
  isNull?: boolean | null | undefined;
  neq?: ClientType | null | undefined;
  nin?: Array<ClientType> | null | undefined;
};

/** Legal form, as the factoring platform's companyType 1..30 (see companyTypeCode) */
export type CompanyType =
  | 'FI_ASUNTO_OSAKEYHTIO'
  | 'FI_AVOIN_YHTIO'
  | 'FI_KIINTEISTOOSAKEYHTIO'
  | 'FI_KOMMANDIITTIYHTIO'
  | 'FI_OSAKEYHTIO'
  | 'FI_OSUUSKUNTA'
  | 'FI_REKISTEROITY_YHDISTYS'
  | 'FI_SAATIO'
  | 'FI_YKSITYINEN_ELINKEINONHARJOITTAJA'
  | 'GB_LIMITED_COMPANY'
  | 'GB_PUBLIC_LIMITED_COMPANY'
  | 'NL_BESLOTEN_VENNOOTSCHAP'
  | 'NL_BUITENLANDSE_VENNOOTSCHAP'
  | 'NL_COMMANDITAIRE_VENNOOTSCHAP'
  | 'NL_COOPERATIE_ONDERLINGE_WAARBORGMAATSCHAPPIJ'
  | 'NL_EENMANSZAAK'
  | 'NL_KERKGENOOTSCHAP'
  | 'NL_MAATSCHAP'
  | 'NL_NAAMLOZE_VENNOOTSCHAP'
  | 'NL_OVERHEID'
  | 'NL_STICHTING'
  | 'NL_VENNOOTSCHAP_ONDER_FIRMA'
  | 'NL_VERENIGING_BEPERKTE_RECHTSBEVOEGDHEID'
  | 'NL_VERENIGING_VAN_EIGENAARS'
  | 'NL_VERENIGING_VOLLEDIGE_RECHTSBEVOEGDHEID'
  | 'SE_AKTIEBOLAG'
  | 'SE_EKONOMISK_FORENING'
  | 'SE_HANDELSBOLAG_KOMMANDITBOLAG'
  | 'SE_STATE_REGION_MUNICIPALITY'
  | 'SE_STIFTELSE_IDEELL_FORENING';

export type CompanyTypeFilter = {
  eq?: CompanyType | null | undefined;
  in?: Array<CompanyType> | null | undefined;
  isNull?: boolean | null | undefined;
  neq?: CompanyType | null | undefined;
  nin?: Array<CompanyType> | null | undefined;
};

export type DateTimeFilter = {
  between?: DateTimeRange | null | undefined;
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  /** true: only rows without a value; false: only rows with one */
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  neq?: string | null | undefined;
  nin?: Array<string> | null | undefined;
};

/** Inclusive range: from <= value <= to */
export type DateTimeRange = {
  from: string;
  to: string;
};

/** Archived clients: hidden (EXCLUDE, the default), shown too (INCLUDE), or alone (ONLY) */
export type DeletionFilter =
  | 'EXCLUDE'
  | 'INCLUDE'
  | 'ONLY';

/** Direct debit scheme (Aptic mandateType) */
export type DirectDebitMandateType =
  | 'DUTCH_INCASSO'
  | 'SEPA_BUSINESS_ONE_OFF'
  | 'SEPA_BUSINESS_RECURRING'
  | 'SEPA_CONSUMER_ONE_OFF'
  | 'SEPA_CONSUMER_RECURRING'
  | 'SWEDISH_AUTOGIRO';

/** DRAWDOWN, INTEREST and FEE raise the drawn balance; REPAYMENT lowers it */
export type FactoringLoanTransactionType =
  | 'DRAWDOWN'
  | 'FEE'
  | 'INTEREST'
  | 'REPAYMENT';

/** The date financing interest is calculated from */
export type FinancingInterestCalculateFrom =
  | 'BILL_DATE'
  | 'DUE_DATE'
  | 'PURCHASE_DATE'
  | 'RECOURSE_DATE'
  | 'REGISTRATION_DATE';

export type IdFilter = {
  eq?: string | number | null | undefined;
  in?: Array<string | number> | null | undefined;
  isNull?: boolean | null | undefined;
  neq?: string | number | null | undefined;
  nin?: Array<string | number> | null | undefined;
};

/** Where an invoice is in its life */
export type InvoiceStatus =
  | 'CANCELLED'
  | 'CREDITED'
  | 'DRAFT'
  | 'OVERDUE'
  | 'PAID'
  | 'PARTIALLY_PAID'
  | 'SENT';

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StringFilter = {
  between?: StringRange | null | undefined;
  /** Case-insensitive substring match */
  contains?: string | null | undefined;
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  neq?: string | null | undefined;
  nin?: Array<string> | null | undefined;
  /** Case-insensitive prefix match */
  startsWith?: string | null | undefined;
};

/** Inclusive range: from <= value <= to */
export type StringRange = {
  from: string;
  to: string;
};

export type ClientCoreFragment = { id: string, uniqueId: string, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, active: boolean, blocked: boolean, referenceCode: string | null, createdAt: string, updatedAt: string, archivedAt: string | null };

export type ClientsPageQueryVariables = Exact<{
  filter?: ClientFilter | null | undefined;
  search?: string | null | undefined;
  deleted?: DeletionFilter | null | undefined;
  orderBy?: Array<ClientOrder> | ClientOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  offset?: number | null | undefined;
  withTotal: boolean;
}>;


export type ClientsPageQuery = { clients: { totalCount?: number, edges: Array<{ cursor: string, node: { id: string, uniqueId: string, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, active: boolean, blocked: boolean, referenceCode: string | null, createdAt: string, updatedAt: string, archivedAt: string | null } }>, nodes: Array<{ id: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type ClientByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientByIdQuery = { client: { legalName: string | null, vatNumber: string | null, email: string | null, fullAddress: string | null, companyTypeCode: number | null, creditLimit: string | null, creditLimitCurrency: string | null, id: string, uniqueId: string, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, active: boolean, blocked: boolean, referenceCode: string | null, createdAt: string, updatedAt: string, archivedAt: string | null } | null };

export type ClientByUniqueIdQueryVariables = Exact<{
  uniqueId: string;
}>;


export type ClientByUniqueIdQuery = { clientByUniqueId: { id: string, name: string } | null };

export type ClientByOrgNumberQueryVariables = Exact<{
  orgNumber: string;
  countryCode?: string | null | undefined;
}>;


export type ClientByOrgNumberQuery = { clientByOrgNumber: { id: string, name: string, orgNumber: string | null } | null };

export type ClientByExternalIdQueryVariables = Exact<{
  source: string;
  externalId: string;
}>;


export type ClientByExternalIdQuery = { clientByExternalId: { id: string, name: string } | null };

export type ClientsWithRelationsQueryVariables = Exact<{
  first: number;
}>;


export type ClientsWithRelationsQuery = { clients: { nodes: Array<{ id: string, name: string, parent: { id: string } | null, children: Array<{ id: string }>, externalIdentifiers: Array<{ source: string, externalId: string }>, contract: { contractNumber: string | null, periodFee: string | null, startDate: string | null } | null, factoringLoanContract: { limit: string | null, interestRate: string | null, summary: { drawnBalance: string, available: string | null, accruedInterest: string, fees: string, transactionCount: number, lastTransactionDate: string | null }, latestTransactions: Array<{ transactionDate: string, type: FactoringLoanTransactionType, amount: string }> } | null, factoringPurchaseContract: { limit: string | null, recourseDays: number | null, financingInterestCalculateFrom: FinancingInterestCalculateFrom | null, summary: { purchasedInvoiceCount: number, purchasedAmount: string, outstandingTotal: string } } | null, bankAccounts: Array<{ iban: string | null, bic: string | null, bankAccountClass: BankAccountClass, priority: number | null }>, directDebitMandates: Array<{ mandateType: DirectDebitMandateType, active: boolean, validFrom: string | null, validUntil: string | null }>, parameters: Array<{ name: string, value: string | null }>, extraFields: Array<{ name: string, values: Array<string> }>, pricelists: Array<{ pricelistName: string, isDefaultPricelist: boolean }>, openInvoices: Array<{ invoiceNumber: string, status: InvoiceStatus, totalAmount: string, outstandingAmount: string }>, latestAct: { periodEnd: string, revenue: string | null } | null, acts: { nodes: Array<{ periodEnd: string, dataPoints: Array<{ code: string, value: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, summary: { invoiceCount: number, openInvoiceCount: number, openInvoiceAmount: string, bankAccountCount: number, activeMandateCount: number } }> } };

export const ClientCoreFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientCore"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientCoreFragment, unknown>;
export const ClientsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deleted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientOrder"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"deleted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deleted"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientCore"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientCore"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientsPageQuery, ClientsPageQueryVariables>;
export const ClientByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientCore"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"fullAddress"}},{"kind":"Field","name":{"kind":"Name","value":"companyTypeCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientCore"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientByIdQuery, ClientByIdQueryVariables>;
export const ClientByUniqueIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientByUniqueId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uniqueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByUniqueId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uniqueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uniqueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ClientByUniqueIdQuery, ClientByUniqueIdQueryVariables>;
export const ClientByOrgNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientByOrgNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CountryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByOrgNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}}]}}]}}]} as unknown as DocumentNode<ClientByOrgNumberQuery, ClientByOrgNumberQueryVariables>;
export const ClientByExternalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientByExternalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByExternalId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ClientByExternalIdQuery, ClientByExternalIdQueryVariables>;
export const ClientsWithRelationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientsWithRelations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalIdentifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contractNumber"}},{"kind":"Field","name":{"kind":"Name","value":"periodFee"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringLoanContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"interestRate"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drawnBalance"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"accruedInterest"}},{"kind":"Field","name":{"kind":"Name","value":"fees"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransactionDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionDate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringPurchaseContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"recourseDays"}},{"kind":"Field","name":{"kind":"Name","value":"financingInterestCalculateFrom"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchasedInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingTotal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bankAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccountClass"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"directDebitMandates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mandateType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"extraFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricelists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pricelistName"}},{"kind":"Field","name":{"kind":"Name","value":"isDefaultPricelist"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingAmount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestAct"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"dataPoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"openInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"openInvoiceAmount"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccountCount"}},{"kind":"Field","name":{"kind":"Name","value":"activeMandateCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientsWithRelationsQuery, ClientsWithRelationsQueryVariables>;