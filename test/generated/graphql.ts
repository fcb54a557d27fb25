/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Kind of account number (Aptic bankAccountClass) */
export type BankAccountClass =
  /** 5 = Bankgiro (Denmark) */
  | 'DK_BANKGIRO'
  /** 10 = Bank account (Finland) */
  | 'FI_BANK_ACCOUNT'
  /** 4 = Foreign bank account */
  | 'FOREIGN_BANK_ACCOUNT'
  /** 3 = Bank account (Netherlands) */
  | 'NL_BANK_ACCOUNT'
  /** 7 = Bankgiro (Norway) */
  | 'NO_BANKGIRO'
  /** 8 = Bank account (Norway) */
  | 'NO_BANK_ACCOUNT'
  /** 2 = Bankgiro (Sweden) */
  | 'SE_BANKGIRO'
  /** 9 = Bank account (Sweden) */
  | 'SE_BANK_ACCOUNT'
  /** 1 = Plusgiro (Sweden) */
  | 'SE_PLUSGIRO'
  /** 0 = Unknown */
  | 'UNKNOWN';

/** Conditions on a boolean column; all given conditions must hold */
export type BooleanFilter = {
  /** Equal to */
  eq?: boolean | null | undefined;
  /** true: only rows without a value; false: only rows with one */
  isNull?: boolean | null | undefined;
  /** Not equal to (rows without a value do not match) */
  neq?: boolean | null | undefined;
};

/** Conditions on a client's columns; all given conditions must hold */
export type ClientFilter = {
  /** Whether the client is active */
  active?: BooleanFilter | null | undefined;
  /** Every one of these holds */
  and?: Array<ClientFilter> | null | undefined;
  /** When the client was archived (isNull: true for clients not archived) */
  archivedAt?: DateTimeFilter | null | undefined;
  /** Whether the factoring platform blocks the client */
  blocked?: BooleanFilter | null | undefined;
  /** The city of the client's address */
  city?: StringFilter | null | undefined;
  /** BUSINESS or INDIVIDUAL */
  clientType?: ClientTypeFilter | null | undefined;
  /** The legal form */
  companyType?: CompanyTypeFilter | null | undefined;
  /** ISO 3166-1 alpha-2 country code, compared upper-cased */
  countryCode?: StringFilter | null | undefined;
  /** When the client was created in the gateway */
  createdAt?: DateTimeFilter | null | undefined;
  /** The client's ISO 4217 currency code, compared upper-cased */
  currencyCode?: StringFilter | null | undefined;
  /** The invoicing system's customer_type */
  customerType?: CustomerTypeFilter | null | undefined;
  /** The e-mail address */
  email?: StringFilter | null | undefined;
  /** The gateway's id */
  id?: IdFilter | null | undefined;
  /** The registered legal name */
  legalName?: StringFilter | null | undefined;
  /** The display name */
  name?: StringFilter | null | undefined;
  /** This does not hold */
  not?: ClientFilter | null | undefined;
  /** At least one of these holds */
  or?: Array<ClientFilter> | null | undefined;
  /** Compared normalised: dashes and spaces don't matter */
  orgNumber?: StringFilter | null | undefined;
  /** The id of the parent client (group) */
  parentId?: IdFilter | null | undefined;
  /** The credit-data provider's rating */
  rating?: StringFilter | null | undefined;
  /** The factoring platform's reference code */
  referenceCode?: StringFilter | null | undefined;
  /** The JWT subject of the user responsible for the client */
  responsibleUser?: StringFilter | null | undefined;
  /** When the client last changed */
  updatedAt?: DateTimeFilter | null | undefined;
  /** The VAT number, compared without spaces, dots and dashes, upper-cased */
  vatNumber?: StringFilter | null | undefined;
  /** Whether VIES confirmed the VAT number */
  vatNumberValidated?: BooleanFilter | null | undefined;
};

/** One sort key; empty values sort last in both directions; ID, in the last key's direction, breaks ties */
export type ClientOrder = {
  /** ASC (the default) or DESC */
  direction?: SortDirection;
  /** The column */
  field: ClientOrderField;
};

/** What a list of clients can be sorted by */
export type ClientOrderField =
  /** When the client was archived (clients not archived sort last) */
  | 'ARCHIVED_AT'
  /** The ISO 3166-1 alpha-2 country code */
  | 'COUNTRY_CODE'
  /** When the client was created in the gateway */
  | 'CREATED_AT'
  /** The gateway's id: creation order */
  | 'ID'
  /** The registered legal name */
  | 'LEGAL_NAME'
  /** The display name */
  | 'NAME'
  /** The organisation (or personal identity) number, normalised */
  | 'ORG_NUMBER'
  /** The factoring platform's reference code */
  | 'REFERENCE_CODE'
  /** When the client last changed */
  | 'UPDATED_AT';

/** A company, or a person (sole trader) */
export type ClientType =
  /** A company or other legal entity; orgNumber is its organisation number */
  | 'BUSINESS'
  /** A person (sole trader); orgNumber is a personal identity number, masked without clients:pii */
  | 'INDIVIDUAL';

/** Conditions on a client type; all given conditions must hold */
export type ClientTypeFilter = {
  /** Equal to */
  eq?: ClientType | null | undefined;
  /** One of these */
  in?: Array<ClientType> | null | undefined;
  /** true: has no value; false: has one */
  isNull?: boolean | null | undefined;
  /** Not equal to (rows without a value do not match) */
  neq?: ClientType | null | undefined;
  /** None of these (rows without a value do not match) */
  nin?: Array<ClientType> | null | undefined;
};

/** Legal form, as the factoring platform's companyType 1..30 (see companyTypeCode) */
export type CompanyType =
  /** Factoring platform code 29 = FI, Asunto-osakeyhtiö (housing company) */
  | 'FI_ASUNTO_OSAKEYHTIO'
  /** Factoring platform code 10 = FI, Avoin yhtiö (general partnership) */
  | 'FI_AVOIN_YHTIO'
  /** Factoring platform code 30 = FI, Kiinteistöosakeyhtiö (real estate company) */
  | 'FI_KIINTEISTOOSAKEYHTIO'
  /** Factoring platform code 9 = FI, Kommandiittiyhtiö (KY, limited partnership) */
  | 'FI_KOMMANDIITTIYHTIO'
  /** Factoring platform code 11 = FI, Osakeyhtiö (OY, Oyj, limited company) */
  | 'FI_OSAKEYHTIO'
  /** Factoring platform code 12 = FI, Osuuskunta (Osk., cooperative) */
  | 'FI_OSUUSKUNTA'
  /** Factoring platform code 13 = FI, Rekisteröity yhdistys (Ry, registered association) */
  | 'FI_REKISTEROITY_YHDISTYS'
  /** Factoring platform code 28 = FI, Säätiö (foundation) */
  | 'FI_SAATIO'
  /** Factoring platform code 8 = FI, Yksityinen elinkeinonharjoittaja (sole trader) */
  | 'FI_YKSITYINEN_ELINKEINONHARJOITTAJA'
  /** Factoring platform code 6 = GB, Limited company */
  | 'GB_LIMITED_COMPANY'
  /** Factoring platform code 7 = GB, Public limited company */
  | 'GB_PUBLIC_LIMITED_COMPANY'
  /** Factoring platform code 15 = NL, Besloten Vennootschap (BV, private limited company) */
  | 'NL_BESLOTEN_VENNOOTSCHAP'
  /** Factoring platform code 27 = NL, Buitenlandse vennootschap (foreign company) */
  | 'NL_BUITENLANDSE_VENNOOTSCHAP'
  /** Factoring platform code 19 = NL, Commanditaire Vennootschap (CV, limited partnership) */
  | 'NL_COMMANDITAIRE_VENNOOTSCHAP'
  /** Factoring platform code 22 = NL, Coöperatie en onderlinge waarborgmaatschappij (cooperative or mutual insurance society) */
  | 'NL_COOPERATIE_ONDERLINGE_WAARBORGMAATSCHAPPIJ'
  /** Factoring platform code 14 = NL, Eenmanszaak (sole proprietorship) */
  | 'NL_EENMANSZAAK'
  /** Factoring platform code 24 = NL, Kerkgenootschap (church) */
  | 'NL_KERKGENOOTSCHAP'
  /** Factoring platform code 17 = NL, Maatschap (professional partnership) */
  | 'NL_MAATSCHAP'
  /** Factoring platform code 16 = NL, Naamloze Vennootschap (NV, public limited company) */
  | 'NL_NAAMLOZE_VENNOOTSCHAP'
  /** Factoring platform code 26 = NL, Overheid (public authority) */
  | 'NL_OVERHEID'
  /** Factoring platform code 23 = NL, Stichting (foundation) */
  | 'NL_STICHTING'
  /** Factoring platform code 18 = NL, Vennootschap onder Firma (VOF, general partnership) */
  | 'NL_VENNOOTSCHAP_ONDER_FIRMA'
  /** Factoring platform code 21 = NL, Vereniging met beperkte rechtsbevoegdheid (association with limited legal capacity) */
  | 'NL_VERENIGING_BEPERKTE_RECHTSBEVOEGDHEID'
  /** Factoring platform code 25 = NL, Vereniging van eigenaars (owners' association) */
  | 'NL_VERENIGING_VAN_EIGENAARS'
  /** Factoring platform code 20 = NL, Vereniging met volledige rechtsbevoegdheid (association with full legal capacity) */
  | 'NL_VERENIGING_VOLLEDIGE_RECHTSBEVOEGDHEID'
  /** Factoring platform code 2 = SE, Aktiebolag (limited company) */
  | 'SE_AKTIEBOLAG'
  /** Factoring platform code 3 = SE, Ekonomisk förening (economic association) */
  | 'SE_EKONOMISK_FORENING'
  /** Factoring platform code 5 = SE, Handelsbolag, kommanditbolag (trading or limited partnership) */
  | 'SE_HANDELSBOLAG_KOMMANDITBOLAG'
  /** Factoring platform code 1 = SE, Stat, landsting eller kommun (state, region or municipality) */
  | 'SE_STATE_REGION_MUNICIPALITY'
  /** Factoring platform code 4 = SE, Stiftelse eller ideell förening (foundation or non-profit association) */
  | 'SE_STIFTELSE_IDEELL_FORENING';

/** Conditions on a company type; all given conditions must hold */
export type CompanyTypeFilter = {
  /** Equal to */
  eq?: CompanyType | null | undefined;
  /** One of these */
  in?: Array<CompanyType> | null | undefined;
  /** true: has no value; false: has one */
  isNull?: boolean | null | undefined;
  /** Not equal to (rows without a value do not match) */
  neq?: CompanyType | null | undefined;
  /** None of these (rows without a value do not match) */
  nin?: Array<CompanyType> | null | undefined;
};

/** A new client contract */
export type CreateClientContractInput = {
  /** YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  cancelDate?: string | null | undefined;
  /** At most 255 characters */
  contractCancelReason?: string | null | undefined;
  /** Months. 0..1200 */
  contractLength?: number | null | undefined;
  /** At most 50 characters */
  contractNumber?: string | null | undefined;
  /** The platform's contract type. 0..2147483647 */
  contractType?: number | null | undefined;
  /** At most 50 characters */
  customerCategory?: string | null | undefined;
  /** Expiry; on or before cancelDate. YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  endDate?: string | null | undefined;
  /** Organisation number as written on the contract; a personnummer needs clients:pii. At most 32 characters */
  idNumber?: string | null | undefined;
  /** Special instructions to the agents. At most 10000 characters */
  instructions?: string | null | undefined;
  /** YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  invoiceDate?: string | null | undefined;
  /** Invoice item number for the period fee. At most 50 characters */
  invoiceItem?: string | null | undefined;
  /** At most 10000 characters */
  note?: string | null | undefined;
  /** Fee per period. Zero or more, at most 2 decimals */
  periodFee?: string | null | undefined;
  /** Months. 0..1200 */
  periodLength?: number | null | undefined;
  /** Commencement; on or before endDate. YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  startDate?: string | null | undefined;
};

/** A new client: every field of the sources; formats and checksums are validated together (INVALID_DATA) */
export type CreateClientInput = {
  /** At most 50 characters. */
  acronym?: string | null | undefined;
  /** Default true */
  active?: boolean | null | undefined;
  /** At most 320 characters. */
  administrationEmail?: string | null | undefined;
  /** The CRM's bank account id */
  bankAccountId?: number | null | undefined;
  /** Blocked for remittance; default false */
  blocked?: boolean | null | undefined;
  /** At most 80 characters. */
  cellularPhone?: string | null | undefined;
  /** At most 80 characters. */
  chartOfAccountTemplate?: string | null | undefined;
  /** At most 80 characters. */
  city?: string | null | undefined;
  /** BUSINESS (default on create) or INDIVIDUAL (a sole trader: orgNumber is a personnummer) */
  clientType?: ClientType | null | undefined;
  /** At most 80 characters. */
  companyPhone?: string | null | undefined;
  /** Legal form; its country prefix must match countryCode */
  companyType?: CompanyType | null | undefined;
  /** At most 255 characters. */
  contactPerson?: string | null | undefined;
  /** ISO 3166-1 alpha-2, e.g. SE */
  countryCode?: string | null | undefined;
  /** ISO 3166-1 alpha-2 */
  countryCodeOfOperation?: string | null | undefined;
  /** Zero or more, at most 2 decimals */
  creditLimit?: string | null | undefined;
  /** ISO 4217 */
  creditLimitCurrency?: string | null | undefined;
  /** ISO 4217, e.g. SEK */
  currencyCode?: string | null | undefined;
  /** The invoicing system's customer type; INDIVIDUAL needs clientType INDIVIDUAL, the others BUSINESS */
  customerType?: CustomerType | null | undefined;
  /** language-REGION, e.g. sv-SE. At most 16 characters. */
  defaultCultureCode?: string | null | undefined;
  /** At most 10000 characters. */
  description?: string | null | undefined;
  /** At most 320 characters. */
  email?: string | null | undefined;
  /** GS1 Global Location Number (check digit verified). At most 13 characters. */
  glnNumber?: string | null | undefined;
  /** The CRM's group company number */
  groupCompany?: number | null | undefined;
  /** The CRM's client group id */
  groupId?: number | null | undefined;
  /** At most 20 characters. */
  houseNo?: string | null | undefined;
  /** At most 20 characters. */
  houseNoExtension?: string | null | undefined;
  /** At most 255 characters. */
  informalName?: string | null | undefined;
  /** At most 80 characters. */
  intentCode?: string | null | undefined;
  /** YYYY-MM-DD */
  intentDate?: string | null | undefined;
  /** ISO 639-1, e.g. sv */
  languageCode?: string | null | undefined;
  /** The factoring platform's ledger type code */
  ledgerType?: number | null | undefined;
  /** At most 255 characters. */
  legalName?: string | null | undefined;
  /** ISO 17442 Legal Entity Identifier (check digits verified). At most 20 characters. */
  leiNumber?: string | null | undefined;
  /** http(s) URL. At most 255 characters. */
  linkedin?: string | null | undefined;
  /** Base64 PNG. At most 700000 characters. */
  logotype?: string | null | undefined;
  /** At most 20 characters. */
  masterPinCode?: string | null | undefined;
  /** At most 20 characters. */
  municipalCode?: string | null | undefined;
  /** At most 10 characters. */
  naceCode?: string | null | undefined;
  /** Name used on invoices. At most 255 characters. */
  name?: string | null | undefined;
  /** At most 10000 characters. */
  notes?: string | null | undefined;
  /** With or without dash; checked by the country's algorithm (needs countryCode). A personnummer, or any INDIVIDUAL's number, needs clients:pii. At most 32 characters. */
  orgNumber?: string | null | undefined;
  /** At most 80 characters. */
  parameterTemplate?: string | null | undefined;
  /** The group parent: a client of the same company */
  parentId?: string | number | null | undefined;
  /** At most 255 characters. */
  paymentCondition?: string | null | undefined;
  /** The CRM's payment term id */
  paymentTermId?: number | null | undefined;
  /** Days, 0..3650 */
  paymentTerms?: number | null | undefined;
  /** Italian certified e-mail (PEC). At most 320 characters. */
  pec?: string | null | undefined;
  /** At most 80 characters. */
  phone?: string | null | undefined;
  /** At most 80 characters. */
  pricelistTemplate?: string | null | undefined;
  /** At most 16 characters. */
  rating?: string | null | undefined;
  /** Client number. At most 50 characters. */
  referenceCode?: string | null | undefined;
  /** Whether the client is registered for VAT */
  registeredForTax?: boolean | null | undefined;
  /** The JWT subject of the user responsible for the client; createClient and bulkCreateClients default it to the caller's subject. At most 255 characters. */
  responsibleUser?: string | null | undefined;
  /** Italian e-invoicing recipient code: 6 to 16 letters and digits as sources send it; for countryCode IT 7 (businesses) or 6 (public administration). At most 16 characters. */
  sdiCode?: string | null | undefined;
  /** At most 10 characters. */
  stateCode?: string | null | undefined;
  /** At most 250 characters. */
  street?: string | null | undefined;
  /** At most 80 characters. */
  taxReference?: string | null | undefined;
  /** EU VAT number, checked against the country's format; validated with VIES after commit. One around a personnummer, or any INDIVIDUAL's, needs clients:pii. At most 20 characters. */
  vatNumber?: string | null | undefined;
  /** VAT rate in percent, 0..100 */
  vatRate?: string | null | undefined;
  /** The CRM's VAT rate id */
  vatRateId?: number | null | undefined;
  /** Base64 PNG. At most 700000 characters. */
  webLogotype?: string | null | undefined;
  /** http(s) URL. At most 255 characters. */
  website?: string | null | undefined;
  /** At most 20 characters. */
  zipCode?: string | null | undefined;
};

/** How the invoicing system classes a customer (its customer_type): INDIVIDUAL is a sole trader, the others businesses */
export type CustomerType =
  /** A business the invoicing system does not class as Swedish or EU */
  | 'BUSINESS'
  /** A business registered in another EU country (VAT number checked with VIES) */
  | 'EU_BUSINESS'
  /** A private person or sole trader */
  | 'INDIVIDUAL'
  /** A business registered in Sweden */
  | 'SWEDISH_BUSINESS';

/** Conditions on a customer type; all given conditions must hold */
export type CustomerTypeFilter = {
  /** Equal to */
  eq?: CustomerType | null | undefined;
  /** One of these */
  in?: Array<CustomerType> | null | undefined;
  /** true: has no value; false: has one */
  isNull?: boolean | null | undefined;
  /** Not equal to (rows without a value do not match) */
  neq?: CustomerType | null | undefined;
  /** None of these (rows without a value do not match) */
  nin?: Array<CustomerType> | null | undefined;
};

/** Conditions on a date-time (ISO 8601) column; all given conditions must hold */
export type DateTimeFilter = {
  /** Within this inclusive range */
  between?: DateTimeRange | null | undefined;
  /** Equal to */
  eq?: string | null | undefined;
  /** Greater (later) than */
  gt?: string | null | undefined;
  /** Greater (later) than or equal to */
  gte?: string | null | undefined;
  /** One of these */
  in?: Array<string> | null | undefined;
  /** true: only rows without a value; false: only rows with one */
  isNull?: boolean | null | undefined;
  /** Less (earlier) than */
  lt?: string | null | undefined;
  /** Less (earlier) than or equal to */
  lte?: string | null | undefined;
  /** Not equal to (rows without a value do not match) */
  neq?: string | null | undefined;
  /** None of these (rows without a value do not match) */
  nin?: Array<string> | null | undefined;
};

/** Inclusive range: from <= value <= to */
export type DateTimeRange = {
  /** Lower bound, included */
  from: string;
  /** Upper bound, included */
  to: string;
};

/** Archived clients: hidden (EXCLUDE, the default), shown too (INCLUDE), or alone (ONLY) */
export type DeletionFilter =
  /** Only clients not archived (the default) */
  | 'EXCLUDE'
  /** Archived clients and the others */
  | 'INCLUDE'
  /** Only archived clients */
  | 'ONLY';

/** Direct debit scheme (Aptic mandateType) */
export type DirectDebitMandateType =
  /** 2 = Incasso (the Netherlands) */
  | 'DUTCH_INCASSO'
  /** 7 = SEPA business, one-off */
  | 'SEPA_BUSINESS_ONE_OFF'
  /** 5 = SEPA business, recurring */
  | 'SEPA_BUSINESS_RECURRING'
  /** 4 = SEPA consumer, one-off */
  | 'SEPA_CONSUMER_ONE_OFF'
  /** 3 = SEPA consumer, recurring */
  | 'SEPA_CONSUMER_RECURRING'
  /** 1 = Autogiro (Sweden) */
  | 'SWEDISH_AUTOGIRO';

/** DRAWDOWN, INTEREST and FEE raise the drawn balance; REPAYMENT lowers it */
export type FactoringLoanTransactionType =
  /** Money lent to the client; raises the drawn balance */
  | 'DRAWDOWN'
  /** A fee charged on the loan (e.g. the limit fee); raises the drawn balance */
  | 'FEE'
  /** Interest charged on the loan; raises the drawn balance */
  | 'INTEREST'
  /** Money paid back by the client; lowers the drawn balance */
  | 'REPAYMENT';

/** The date financing interest is calculated from */
export type FinancingInterestCalculateFrom =
  /** From the invoice's bill date (Aptic 1) */
  | 'BILL_DATE'
  /** From the invoice's due date (Aptic 3) */
  | 'DUE_DATE'
  /** From the date the invoice was purchased (Aptic 4) */
  | 'PURCHASE_DATE'
  /** From the recourse date (Aptic 5) */
  | 'RECOURSE_DATE'
  /** From the invoice's registration date (Aptic 2) */
  | 'REGISTRATION_DATE';

/** Conditions on a id column; all given conditions must hold */
export type IdFilter = {
  /** Equal to */
  eq?: string | number | null | undefined;
  /** One of these */
  in?: Array<string | number> | null | undefined;
  /** true: only rows without a value; false: only rows with one */
  isNull?: boolean | null | undefined;
  /** Not equal to (rows without a value do not match) */
  neq?: string | number | null | undefined;
  /** None of these (rows without a value do not match) */
  nin?: Array<string | number> | null | undefined;
};

/** Where an invoice is in its life */
export type InvoiceStatus =
  /** Voided before being paid */
  | 'CANCELLED'
  /** Cancelled by a credit note */
  | 'CREDITED'
  /** Created but not yet sent to the customer */
  | 'DRAFT'
  /** Past its due date and not paid in full */
  | 'OVERDUE'
  /** Paid in full */
  | 'PAID'
  /** Part of the total has been paid */
  | 'PARTIALLY_PAID'
  /** Sent and not yet due, nothing paid */
  | 'SENT';

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

/** The direction of a sort key */
export type SortDirection =
  /** Ascending: smallest, earliest or A first */
  | 'ASC'
  /** Descending: largest, latest or Z first */
  | 'DESC';

/** The kind of system a source is: which connector syncs it */
export type SourceKind =
  /** Aptic API Gateway, the debt collection and factoring platform: contracts, bank accounts, parameters */
  | 'APTIC'
  /** The credit-data provider: credit limit, rating and the latest financial statement (act) */
  | 'CREDIT_DATA'
  /** The CRM (GET /api/clients): the Italian/EU client register */
  | 'CRM'
  /** The Swedish invoicing API: customers and their open invoices */
  | 'INVOICING';

/** Conditions on a string (comparisons are case-sensitive except contains and startsWith) column; all given conditions must hold */
export type StringFilter = {
  /** Within this inclusive range */
  between?: StringRange | null | undefined;
  /** Case-insensitive substring match */
  contains?: string | null | undefined;
  /** Equal to */
  eq?: string | null | undefined;
  /** Greater (later) than */
  gt?: string | null | undefined;
  /** Greater (later) than or equal to */
  gte?: string | null | undefined;
  /** One of these */
  in?: Array<string> | null | undefined;
  /** true: only rows without a value; false: only rows with one */
  isNull?: boolean | null | undefined;
  /** Less (earlier) than */
  lt?: string | null | undefined;
  /** Less (earlier) than or equal to */
  lte?: string | null | undefined;
  /** Not equal to (rows without a value do not match) */
  neq?: string | null | undefined;
  /** None of these (rows without a value do not match) */
  nin?: Array<string> | null | undefined;
  /** Case-insensitive prefix match */
  startsWith?: string | null | undefined;
};

/** Inclusive range: from <= value <= to */
export type StringRange = {
  /** Lower bound, included */
  from: string;
  /** Upper bound, included */
  to: string;
};

/** The client contract's fields to change: a field left out stays, null clears it */
export type UpdateClientContractInput = {
  /** YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  cancelDate?: string | null | undefined;
  /** At most 255 characters */
  contractCancelReason?: string | null | undefined;
  /** Months. 0..1200 */
  contractLength?: number | null | undefined;
  /** At most 50 characters */
  contractNumber?: string | null | undefined;
  /** The platform's contract type. 0..2147483647 */
  contractType?: number | null | undefined;
  /** At most 50 characters */
  customerCategory?: string | null | undefined;
  /** Expiry; on or before cancelDate. YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  endDate?: string | null | undefined;
  /** Organisation number as written on the contract; a personnummer needs clients:pii. At most 32 characters */
  idNumber?: string | null | undefined;
  /** Special instructions to the agents. At most 10000 characters */
  instructions?: string | null | undefined;
  /** YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  invoiceDate?: string | null | undefined;
  /** Invoice item number for the period fee. At most 50 characters */
  invoiceItem?: string | null | undefined;
  /** At most 10000 characters */
  note?: string | null | undefined;
  /** Fee per period. Zero or more, at most 2 decimals */
  periodFee?: string | null | undefined;
  /** Months. 0..1200 */
  periodLength?: number | null | undefined;
  /** Commencement; on or before endDate. YYYY-MM-DD; an ISO 8601 date-time (2019-08-24T14:15:22Z, as Aptic sends) is taken as its date in the tenant's time zone (Europe/Stockholm) */
  startDate?: string | null | undefined;
};

/** A partial update: leave a field out to keep it, send null to clear it */
export type UpdateClientInput = {
  /** At most 50 characters. */
  acronym?: string | null | undefined;
  /** Default true */
  active?: boolean | null | undefined;
  /** At most 320 characters. */
  administrationEmail?: string | null | undefined;
  /** The CRM's bank account id */
  bankAccountId?: number | null | undefined;
  /** Blocked for remittance; default false */
  blocked?: boolean | null | undefined;
  /** At most 80 characters. */
  cellularPhone?: string | null | undefined;
  /** At most 80 characters. */
  chartOfAccountTemplate?: string | null | undefined;
  /** At most 80 characters. */
  city?: string | null | undefined;
  /** BUSINESS (default on create) or INDIVIDUAL (a sole trader: orgNumber is a personnummer) */
  clientType?: ClientType | null | undefined;
  /** At most 80 characters. */
  companyPhone?: string | null | undefined;
  /** Legal form; its country prefix must match countryCode */
  companyType?: CompanyType | null | undefined;
  /** At most 255 characters. */
  contactPerson?: string | null | undefined;
  /** ISO 3166-1 alpha-2, e.g. SE */
  countryCode?: string | null | undefined;
  /** ISO 3166-1 alpha-2 */
  countryCodeOfOperation?: string | null | undefined;
  /** Zero or more, at most 2 decimals */
  creditLimit?: string | null | undefined;
  /** ISO 4217 */
  creditLimitCurrency?: string | null | undefined;
  /** ISO 4217, e.g. SEK */
  currencyCode?: string | null | undefined;
  /** The invoicing system's customer type; INDIVIDUAL needs clientType INDIVIDUAL, the others BUSINESS */
  customerType?: CustomerType | null | undefined;
  /** language-REGION, e.g. sv-SE. At most 16 characters. */
  defaultCultureCode?: string | null | undefined;
  /** At most 10000 characters. */
  description?: string | null | undefined;
  /** At most 320 characters. */
  email?: string | null | undefined;
  /** GS1 Global Location Number (check digit verified). At most 13 characters. */
  glnNumber?: string | null | undefined;
  /** The CRM's group company number */
  groupCompany?: number | null | undefined;
  /** The CRM's client group id */
  groupId?: number | null | undefined;
  /** At most 20 characters. */
  houseNo?: string | null | undefined;
  /** At most 20 characters. */
  houseNoExtension?: string | null | undefined;
  /** At most 255 characters. */
  informalName?: string | null | undefined;
  /** At most 80 characters. */
  intentCode?: string | null | undefined;
  /** YYYY-MM-DD */
  intentDate?: string | null | undefined;
  /** ISO 639-1, e.g. sv */
  languageCode?: string | null | undefined;
  /** The factoring platform's ledger type code */
  ledgerType?: number | null | undefined;
  /** At most 255 characters. */
  legalName?: string | null | undefined;
  /** ISO 17442 Legal Entity Identifier (check digits verified). At most 20 characters. */
  leiNumber?: string | null | undefined;
  /** http(s) URL. At most 255 characters. */
  linkedin?: string | null | undefined;
  /** Base64 PNG. At most 700000 characters. */
  logotype?: string | null | undefined;
  /** At most 20 characters. */
  masterPinCode?: string | null | undefined;
  /** At most 20 characters. */
  municipalCode?: string | null | undefined;
  /** At most 10 characters. */
  naceCode?: string | null | undefined;
  /** Name used on invoices. At most 255 characters. */
  name?: string | null | undefined;
  /** At most 10000 characters. */
  notes?: string | null | undefined;
  /** With or without dash; checked by the country's algorithm (needs countryCode). A personnummer, or any INDIVIDUAL's number, needs clients:pii. At most 32 characters. */
  orgNumber?: string | null | undefined;
  /** At most 80 characters. */
  parameterTemplate?: string | null | undefined;
  /** The group parent: a client of the same company */
  parentId?: string | number | null | undefined;
  /** At most 255 characters. */
  paymentCondition?: string | null | undefined;
  /** The CRM's payment term id */
  paymentTermId?: number | null | undefined;
  /** Days, 0..3650 */
  paymentTerms?: number | null | undefined;
  /** Italian certified e-mail (PEC). At most 320 characters. */
  pec?: string | null | undefined;
  /** At most 80 characters. */
  phone?: string | null | undefined;
  /** At most 80 characters. */
  pricelistTemplate?: string | null | undefined;
  /** At most 16 characters. */
  rating?: string | null | undefined;
  /** Client number. At most 50 characters. */
  referenceCode?: string | null | undefined;
  /** Whether the client is registered for VAT */
  registeredForTax?: boolean | null | undefined;
  /** The JWT subject of the user responsible for the client; createClient and bulkCreateClients default it to the caller's subject. At most 255 characters. */
  responsibleUser?: string | null | undefined;
  /** Italian e-invoicing recipient code: 6 to 16 letters and digits as sources send it; for countryCode IT 7 (businesses) or 6 (public administration). At most 16 characters. */
  sdiCode?: string | null | undefined;
  /** At most 10 characters. */
  stateCode?: string | null | undefined;
  /** At most 250 characters. */
  street?: string | null | undefined;
  /** At most 80 characters. */
  taxReference?: string | null | undefined;
  /** EU VAT number, checked against the country's format; validated with VIES after commit. One around a personnummer, or any INDIVIDUAL's, needs clients:pii. At most 20 characters. */
  vatNumber?: string | null | undefined;
  /** VAT rate in percent, 0..100 */
  vatRate?: string | null | undefined;
  /** The CRM's VAT rate id */
  vatRateId?: number | null | undefined;
  /** Base64 PNG. At most 700000 characters. */
  webLogotype?: string | null | undefined;
  /** http(s) URL. At most 255 characters. */
  website?: string | null | undefined;
  /** At most 20 characters. */
  zipCode?: string | null | undefined;
};

export type ApticSurfaceQueryVariables = Exact<{
  id: string | number;
}>;


export type ApticSurfaceQuery = { client: { id: string, summary: { cases: number | null, bankAccountCount: number }, accountsSummary: Array<{ accountType: string | null, currencyCode: string | null, numberOfAccounts: number | null, openAmount: string | null, overdueAmount: string | null, balance: string | null, fields: unknown }> | null, factoringLoanContract: { decisionDate: string | null, latestTransactions: Array<{ uniqueId: string, transactionDate: string, type: FactoringLoanTransactionType, amount: string, currencyCode: string | null }>, summary: { asOf: string, untransactedInterest: string | null, totalCreditorFeeAmount: string | null, currentBalance: string | null, currentPercent: string | null, totalInvoiceAmount: string | null, totalPledgeAmount: string | null, totLoanAvailable: string | null, maxAvailable: string | null, autoAvailable: string | null, computedFigures: Array<string>, drawnBalance: string, transactionCount: number, source: { id: string, kind: SourceKind } | null } } | null, factoringPurchaseContract: { summary: { asOf: string, numberOfInvoices: number | null, currentPurchaseNonRecourse: string | null, currentPurchaseRecourse: string | null, currentPurchase: string | null, remainingDeposit: string | null, totalNumberOfInvoices: number | null, totalPurchaseNonRecourse: string | null, totalPurchaseRecourse: string | null, totalPurchase: string | null, totalDeposit: string | null, computedFigures: Array<string>, source: { id: string } | null } } | null } | null };

export type ApticClientsPageQueryVariables = Exact<{
  first: number;
}>;


export type ApticClientsPageQuery = { clients: { nodes: Array<{ id: string, summary: { cases: number | null }, accountsSummary: Array<{ balance: string | null }> | null, factoringLoanContract: { summary: { currentBalance: string | null, source: { id: string } | null }, latestTransactions: Array<{ uniqueId: string }> } | null, factoringPurchaseContract: { summary: { totalPurchase: string | null, source: { id: string } | null } } | null }> } };

export type MutationErrorFieldsFragment = { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> };

export type ClientWrittenFragment = { id: string, uniqueId: string, name: string, legalName: string | null, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, vatNumber: string | null, vatNumberValidated: boolean, vatNumberValidatedAt: string | null, email: string | null, phone: string | null, website: string | null, languageCode: string | null, currencyCode: string | null, creditLimit: string | null, creditLimitCurrency: string | null, vatRate: string | null, paymentTerms: number | null, active: boolean, blocked: boolean, referenceCode: string | null, notes: string | null, createdAt: string, updatedAt: string, archivedAt: string | null, parent: { id: string } | null };

export type PreviewFieldsFragment = { archived: boolean, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, vatNumber: string | null, email: string | null, creditLimit: string | null, active: boolean, blocked: boolean };

export type ClientPayloadFieldsFragment = { dryRun: boolean, replayed: boolean, client: { id: string, uniqueId: string, name: string, legalName: string | null, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, vatNumber: string | null, vatNumberValidated: boolean, vatNumberValidatedAt: string | null, email: string | null, phone: string | null, website: string | null, languageCode: string | null, currencyCode: string | null, creditLimit: string | null, creditLimitCurrency: string | null, vatRate: string | null, paymentTerms: number | null, active: boolean, blocked: boolean, referenceCode: string | null, notes: string | null, createdAt: string, updatedAt: string, archivedAt: string | null, parent: { id: string } | null } | null, preview: { archived: boolean, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, vatNumber: string | null, email: string | null, creditLimit: string | null, active: boolean, blocked: boolean } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null };

export type CreateClientMutationVariables = Exact<{
  input: CreateClientInput;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type CreateClientMutation = { createClient: { dryRun: boolean, replayed: boolean, client: { id: string, uniqueId: string, name: string, legalName: string | null, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, vatNumber: string | null, vatNumberValidated: boolean, vatNumberValidatedAt: string | null, email: string | null, phone: string | null, website: string | null, languageCode: string | null, currencyCode: string | null, creditLimit: string | null, creditLimitCurrency: string | null, vatRate: string | null, paymentTerms: number | null, active: boolean, blocked: boolean, referenceCode: string | null, notes: string | null, createdAt: string, updatedAt: string, archivedAt: string | null, parent: { id: string } | null } | null, preview: { archived: boolean, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, vatNumber: string | null, email: string | null, creditLimit: string | null, active: boolean, blocked: boolean } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type UpdateClientMutationVariables = Exact<{
  id: string | number;
  patch: UpdateClientInput;
  expectedUpdatedAt?: string | null | undefined;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type UpdateClientMutation = { updateClient: { dryRun: boolean, replayed: boolean, client: { id: string, uniqueId: string, name: string, legalName: string | null, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, vatNumber: string | null, vatNumberValidated: boolean, vatNumberValidatedAt: string | null, email: string | null, phone: string | null, website: string | null, languageCode: string | null, currencyCode: string | null, creditLimit: string | null, creditLimitCurrency: string | null, vatRate: string | null, paymentTerms: number | null, active: boolean, blocked: boolean, referenceCode: string | null, notes: string | null, createdAt: string, updatedAt: string, archivedAt: string | null, parent: { id: string } | null } | null, preview: { archived: boolean, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, vatNumber: string | null, email: string | null, creditLimit: string | null, active: boolean, blocked: boolean } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ArchiveClientMutationVariables = Exact<{
  id: string | number;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ArchiveClientMutation = { archiveClient: { dryRun: boolean, replayed: boolean, client: { id: string, uniqueId: string, name: string, legalName: string | null, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, vatNumber: string | null, vatNumberValidated: boolean, vatNumberValidatedAt: string | null, email: string | null, phone: string | null, website: string | null, languageCode: string | null, currencyCode: string | null, creditLimit: string | null, creditLimitCurrency: string | null, vatRate: string | null, paymentTerms: number | null, active: boolean, blocked: boolean, referenceCode: string | null, notes: string | null, createdAt: string, updatedAt: string, archivedAt: string | null, parent: { id: string } | null } | null, preview: { archived: boolean, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, vatNumber: string | null, email: string | null, creditLimit: string | null, active: boolean, blocked: boolean } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type RestoreClientMutationVariables = Exact<{
  id: string | number;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type RestoreClientMutation = { restoreClient: { dryRun: boolean, replayed: boolean, client: { id: string, uniqueId: string, name: string, legalName: string | null, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, vatNumber: string | null, vatNumberValidated: boolean, vatNumberValidatedAt: string | null, email: string | null, phone: string | null, website: string | null, languageCode: string | null, currencyCode: string | null, creditLimit: string | null, creditLimitCurrency: string | null, vatRate: string | null, paymentTerms: number | null, active: boolean, blocked: boolean, referenceCode: string | null, notes: string | null, createdAt: string, updatedAt: string, archivedAt: string | null, parent: { id: string } | null } | null, preview: { archived: boolean, name: string, orgNumber: string | null, countryCode: string | null, clientType: ClientType, vatNumber: string | null, email: string | null, creditLimit: string | null, active: boolean, blocked: boolean } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type BulkCreateClientsMutationVariables = Exact<{
  inputs: Array<CreateClientInput> | CreateClientInput;
  allOrNothing?: boolean | null | undefined;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type BulkCreateClientsMutation = { bulkCreateClients: { dryRun: boolean, replayed: boolean, results: Array<{ ok: boolean, requestIndex: number, client: { id: string, name: string, orgNumber: string | null, vatNumberValidated: boolean } | null, preview: { name: string, orgNumber: string | null } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null }>, summary: { total: number, succeeded: number, failed: number }, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ClientHistoryQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ClientHistoryQuery = { client: { id: string, history: { edges: Array<{ cursor: string, node: { id: string, operation: string, entityType: string, entityId: string, actor: string, requestId: string, idempotencyKey: string | null, occurredAt: string, changes: Array<{ field: string, before: unknown, after: unknown }> } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null } } } | null };

export type ClientWrittenByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientWrittenByIdQuery = { client: { id: string, uniqueId: string, name: string, legalName: string | null, orgNumber: string | null, countryCode: string | null, clientType: ClientType, companyType: CompanyType | null, vatNumber: string | null, vatNumberValidated: boolean, vatNumberValidatedAt: string | null, email: string | null, phone: string | null, website: string | null, languageCode: string | null, currencyCode: string | null, creditLimit: string | null, creditLimitCurrency: string | null, vatRate: string | null, paymentTerms: number | null, active: boolean, blocked: boolean, referenceCode: string | null, notes: string | null, createdAt: string, updatedAt: string, archivedAt: string | null, parent: { id: string } | null } | null };

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

export type IdentityPreviewFragment = { clientType: ClientType, countryCode: string | null, orgNumber: string | null, vatNumber: string | null };

export type ProbeCreateClientMutationVariables = Exact<{
  input: CreateClientInput;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeCreateClientMutation = { createClient: { dryRun: boolean, replayed: boolean, client: { id: string, orgNumber: string | null, vatNumber: string | null } | null, preview: { clientType: ClientType, countryCode: string | null, orgNumber: string | null, vatNumber: string | null } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeUpdateClientMutationVariables = Exact<{
  id: string | number;
  patch: UpdateClientInput;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeUpdateClientMutation = { updateClient: { dryRun: boolean, replayed: boolean, client: { id: string, orgNumber: string | null, vatNumber: string | null, updatedAt: string } | null, preview: { clientType: ClientType, countryCode: string | null, orgNumber: string | null, vatNumber: string | null } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeUpdateClientOutcomeMutationVariables = Exact<{
  id: string | number;
  patch: UpdateClientInput;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeUpdateClientOutcomeMutation = { updateClient: { dryRun: boolean, replayed: boolean, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeBulkCreateClientsMutationVariables = Exact<{
  inputs: Array<CreateClientInput> | CreateClientInput;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeBulkCreateClientsMutation = { bulkCreateClients: { dryRun: boolean, replayed: boolean, results: Array<{ ok: boolean, requestIndex: number, preview: { clientType: ClientType, countryCode: string | null, orgNumber: string | null, vatNumber: string | null } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null }>, summary: { total: number, succeeded: number, failed: number }, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeCreateContractMutationVariables = Exact<{
  clientId: string | number;
  input: CreateClientContractInput;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeCreateContractMutation = { createClientContract: { dryRun: boolean, replayed: boolean, contract: { id: string, idNumber: string | null, updatedAt: string } | null, preview: { idNumber: string | null } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeUpdateContractMutationVariables = Exact<{
  clientId: string | number;
  patch: UpdateClientContractInput;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeUpdateContractMutation = { updateClientContract: { dryRun: boolean, replayed: boolean, contract: { id: string, idNumber: string | null, updatedAt: string } | null, preview: { idNumber: string | null } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeAddExternalIdentifierMutationVariables = Exact<{
  clientId: string | number;
  source: string;
  externalId: string;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeAddExternalIdentifierMutation = { addExternalIdentifier: { dryRun: boolean, replayed: boolean, externalIdentifier: { id: string, source: string, externalId: string, updatedAt: string } | null, preview: { source: string, externalId: string } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeRemoveExternalIdentifierMutationVariables = Exact<{
  source: string;
  externalId: string;
  key: string;
  dryRun?: boolean | null | undefined;
}>;


export type ProbeRemoveExternalIdentifierMutation = { removeExternalIdentifier: { dryRun: boolean, replayed: boolean, externalIdentifier: { id: string, source: string, externalId: string } | null, preview: { source: string, externalId: string } | null, error: { code: MutationErrorCode, message: string, failures: Array<{ field: string, message: string }> } | null } };

export type ProbeClientByExternalIdQueryVariables = Exact<{
  source: string;
  externalId: string;
}>;


export type ProbeClientByExternalIdQuery = { clientByExternalId: { id: string } | null };

export type ClientIdentityNumbersQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientIdentityNumbersQuery = { client: { id: string, clientType: ClientType, countryCode: string | null, orgNumber: string | null, vatNumber: string | null, updatedAt: string, contract: { idNumber: string | null, updatedAt: string } | null, externalIdentifiers: Array<{ source: string, externalId: string }> } | null };

export type ClientsWithRelationsQueryVariables = Exact<{
  first: number;
  deleted?: DeletionFilter | null | undefined;
}>;


export type ClientsWithRelationsQuery = { clients: { nodes: Array<{ id: string, name: string, parent: { id: string } | null, children: Array<{ id: string }>, externalIdentifiers: Array<{ source: string, externalId: string, sourceRecordId: string | null, sourceCreatedAt: string | null, sourceUpdatedAt: string | null }>, contract: { contractNumber: string | null, periodFee: string | null, startDate: string | null } | null, factoringLoanContract: { limit: string | null, interestRate: string | null, summary: { drawnBalance: string, available: string | null, accruedInterest: string, fees: string, transactionCount: number, lastTransactionDate: string | null }, latestTransactions: Array<{ transactionDate: string, type: FactoringLoanTransactionType, amount: string }> } | null, factoringPurchaseContract: { limit: string | null, recourseDays: number | null, financingInterestCalculateFrom: FinancingInterestCalculateFrom | null, summary: { purchasedInvoiceCount: number, purchasedAmount: string, outstandingTotal: string } } | null, bankAccounts: Array<{ iban: string | null, bic: string | null, bankAccountClass: BankAccountClass, priority: number | null }>, directDebitMandates: Array<{ mandateType: DirectDebitMandateType, active: boolean, validFrom: string | null, validUntil: string | null }>, parameters: Array<{ name: string, value: string | null }>, extraFields: Array<{ name: string, values: Array<string> }>, pricelists: Array<{ pricelistName: string, isDefaultPricelist: boolean }>, openInvoices: Array<{ invoiceNumber: string, status: InvoiceStatus, totalAmount: string, outstandingAmount: string }>, latestAct: { periodEnd: string, revenue: string | null } | null, acts: { nodes: Array<{ periodEnd: string, dataPoints: Array<{ code: string, value: string | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } }, history: { nodes: Array<{ operation: string, occurredAt: string }> }, summary: { invoiceCount: number, openInvoiceCount: number, overdueInvoiceCount: number, purchasedInvoiceCount: number, pricelistCount: number, bankAccountCount: number, activeMandateCount: number, openInvoiceAmounts: Array<{ currencyCode: string, amount: string, count: number }> } }> } };

export const ClientWrittenFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientWrittenFragment, unknown>;
export const PreviewFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}}]}}]} as unknown as DocumentNode<PreviewFieldsFragment, unknown>;
export const MutationErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<MutationErrorFieldsFragment, unknown>;
export const ClientPayloadFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientWritten"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ClientPayloadFieldsFragment, unknown>;
export const ClientCoreFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientCore"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientCoreFragment, unknown>;
export const IdentityPreviewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityPreview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}}]}}]} as unknown as DocumentNode<IdentityPreviewFragment, unknown>;
export const ApticSurfaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApticSurface"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccountCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountsSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountType"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"numberOfAccounts"}},{"kind":"Field","name":{"kind":"Name","value":"openAmount"}},{"kind":"Field","name":{"kind":"Name","value":"overdueAmount"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"fields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringLoanContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decisionDate"}},{"kind":"Field","name":{"kind":"Name","value":"latestTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"transactionDate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"untransactedInterest"}},{"kind":"Field","name":{"kind":"Name","value":"totalCreditorFeeAmount"}},{"kind":"Field","name":{"kind":"Name","value":"currentBalance"}},{"kind":"Field","name":{"kind":"Name","value":"currentPercent"}},{"kind":"Field","name":{"kind":"Name","value":"totalInvoiceAmount"}},{"kind":"Field","name":{"kind":"Name","value":"totalPledgeAmount"}},{"kind":"Field","name":{"kind":"Name","value":"totLoanAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"maxAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"autoAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"computedFigures"}},{"kind":"Field","name":{"kind":"Name","value":"drawnBalance"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringPurchaseContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"numberOfInvoices"}},{"kind":"Field","name":{"kind":"Name","value":"currentPurchaseNonRecourse"}},{"kind":"Field","name":{"kind":"Name","value":"currentPurchaseRecourse"}},{"kind":"Field","name":{"kind":"Name","value":"currentPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"remainingDeposit"}},{"kind":"Field","name":{"kind":"Name","value":"totalNumberOfInvoices"}},{"kind":"Field","name":{"kind":"Name","value":"totalPurchaseNonRecourse"}},{"kind":"Field","name":{"kind":"Name","value":"totalPurchaseRecourse"}},{"kind":"Field","name":{"kind":"Name","value":"totalPurchase"}},{"kind":"Field","name":{"kind":"Name","value":"totalDeposit"}},{"kind":"Field","name":{"kind":"Name","value":"computedFigures"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApticSurfaceQuery, ApticSurfaceQueryVariables>;
export const ApticClientsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApticClientsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accountsSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringLoanContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentBalance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringPurchaseContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalPurchase"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApticClientsPageQuery, ApticClientsPageQueryVariables>;
export const CreateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientWritten"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<CreateClientMutation, CreateClientMutationVariables>;
export const UpdateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedUpdatedAt"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedUpdatedAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedUpdatedAt"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientWritten"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<UpdateClientMutation, UpdateClientMutationVariables>;
export const ArchiveClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ArchiveClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archiveClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientWritten"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<ArchiveClientMutation, ArchiveClientMutationVariables>;
export const RestoreClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientPayloadFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PreviewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"archived"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientPayloadFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientWritten"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PreviewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]} as unknown as DocumentNode<RestoreClientMutation, RestoreClientMutationVariables>;
export const BulkCreateClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BulkCreateClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allOrNothing"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkCreateClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}},{"kind":"Argument","name":{"kind":"Name","value":"allOrNothing"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allOrNothing"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"requestIndex"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<BulkCreateClientsMutation, BulkCreateClientsMutationVariables>;
export const ClientHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientHistoryQuery, ClientHistoryQueryVariables>;
export const ClientWrittenByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientWrittenById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientWritten"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientWritten"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidated"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumberValidatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"vatRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"notes"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientWrittenByIdQuery, ClientWrittenByIdQueryVariables>;
export const ClientsPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientsPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deleted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletionFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClientOrder"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"deleted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deleted"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"withTotal"}}}]}]},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientCore"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientCore"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientsPageQuery, ClientsPageQueryVariables>;
export const ClientByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientCore"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"fullAddress"}},{"kind":"Field","name":{"kind":"Name","value":"companyTypeCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimit"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCurrency"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientCore"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"companyType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"blocked"}},{"kind":"Field","name":{"kind":"Name","value":"referenceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}}]}}]} as unknown as DocumentNode<ClientByIdQuery, ClientByIdQueryVariables>;
export const ClientByUniqueIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientByUniqueId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"uniqueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByUniqueId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"uniqueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"uniqueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ClientByUniqueIdQuery, ClientByUniqueIdQueryVariables>;
export const ClientByOrgNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientByOrgNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orgNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CountryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByOrgNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orgNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orgNumber"}}},{"kind":"Argument","name":{"kind":"Name","value":"countryCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countryCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}}]}}]}}]} as unknown as DocumentNode<ClientByOrgNumberQuery, ClientByOrgNumberQueryVariables>;
export const ClientByExternalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientByExternalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByExternalId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ClientByExternalIdQuery, ClientByExternalIdQueryVariables>;
export const ProbeCreateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeCreateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IdentityPreview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityPreview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeCreateClientMutation, ProbeCreateClientMutationVariables>;
export const ProbeUpdateClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeUpdateClient"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IdentityPreview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityPreview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeUpdateClientMutation, ProbeUpdateClientMutationVariables>;
export const ProbeUpdateClientOutcomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeUpdateClientOutcome"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClient"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeUpdateClientOutcomeMutation, ProbeUpdateClientOutcomeMutationVariables>;
export const ProbeBulkCreateClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeBulkCreateClients"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bulkCreateClients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"inputs"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inputs"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"requestIndex"}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IdentityPreview"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"failed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IdentityPreview"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ClientPreview"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeBulkCreateClientsMutation, ProbeBulkCreateClientsMutationVariables>;
export const ProbeCreateContractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeCreateContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateClientContractInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createClientContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeCreateContractMutation, ProbeCreateContractMutationVariables>;
export const ProbeUpdateContractDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeUpdateContract"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateClientContractInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateClientContract"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeUpdateContractMutation, ProbeUpdateContractMutationVariables>;
export const ProbeAddExternalIdentifierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeAddExternalIdentifier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addExternalIdentifier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"clientId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"clientId"}}},{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalIdentifier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeAddExternalIdentifierMutation, ProbeAddExternalIdentifierMutationVariables>;
export const ProbeRemoveExternalIdentifierDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ProbeRemoveExternalIdentifier"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"key"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeExternalIdentifier"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"key"}}},{"kind":"Argument","name":{"kind":"Name","value":"dryRun"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dryRun"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalIdentifier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"preview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrorFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dryRun"}},{"kind":"Field","name":{"kind":"Name","value":"replayed"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MutationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"failures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<ProbeRemoveExternalIdentifierMutation, ProbeRemoveExternalIdentifierMutationVariables>;
export const ProbeClientByExternalIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProbeClientByExternalId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clientByExternalId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}},{"kind":"Argument","name":{"kind":"Name","value":"externalId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"externalId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ProbeClientByExternalIdQuery, ProbeClientByExternalIdQueryVariables>;
export const ClientIdentityNumbersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientIdentityNumbers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"clientType"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"orgNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vatNumber"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalIdentifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}}]}}]}}]}}]} as unknown as DocumentNode<ClientIdentityNumbersQuery, ClientIdentityNumbersQueryVariables>;
export const ClientsWithRelationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientsWithRelations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deleted"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DeletionFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"deleted"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deleted"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalIdentifiers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"sourceCreatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"sourceUpdatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contractNumber"}},{"kind":"Field","name":{"kind":"Name","value":"periodFee"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringLoanContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"interestRate"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"drawnBalance"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"accruedInterest"}},{"kind":"Field","name":{"kind":"Name","value":"fees"}},{"kind":"Field","name":{"kind":"Name","value":"transactionCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastTransactionDate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestTransactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionDate"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"factoringPurchaseContract"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"recourseDays"}},{"kind":"Field","name":{"kind":"Name","value":"financingInterestCalculateFrom"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchasedInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingTotal"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bankAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iban"}},{"kind":"Field","name":{"kind":"Name","value":"bic"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccountClass"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"directDebitMandates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mandateType"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"extraFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pricelists"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pricelistName"}},{"kind":"Field","name":{"kind":"Name","value":"isDefaultPricelist"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingAmount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"latestAct"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"revenue"}}]}},{"kind":"Field","name":{"kind":"Name","value":"acts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"dataPoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"openInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"openInvoiceAmounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overdueInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"purchasedInvoiceCount"}},{"kind":"Field","name":{"kind":"Name","value":"pricelistCount"}},{"kind":"Field","name":{"kind":"Name","value":"bankAccountCount"}},{"kind":"Field","name":{"kind":"Name","value":"activeMandateCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ClientsWithRelationsQuery, ClientsWithRelationsQueryVariables>;