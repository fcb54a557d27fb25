/**
 * Aptic's client API (003, "Aptic API Gateway - Clients v1.0") as it sends it: camelCase JSON,
 * every field optional and nullable in practice. Numbers are JSON numbers (doubles) on the wire:
 * the mapping turns the ones the gateway stores as money or percentages into decimal strings. The
 * index signatures keep whatever else Aptic sends: nothing is dropped.
 */

/** `{count, skip, total, value}`: one page of any Aptic listing. */
export interface ApticListWire<T> {
  /** Items on this page. */
  count?: number;
  /** The offset this page starts at. */
  skip?: number;
  /** Items in the whole listing. */
  total?: number;
  value: T[];
  [field: string]: unknown;
}

/** A link of a resource (003 lists `links` without describing them). */
export type ApticLinkWire = Record<string, unknown>;

/** An item of `GET /clients` and `GET /clients/{clientGuid}` (the client's detail). */
export interface ApticClientWire {
  /** The clientGuid. */
  uniqueId: string;
  referenceCode?: string | null;
  masterPinCode?: string | null;
  parentPartyUniqueId?: string | null;
  ledgerType?: number | null;
  informalName?: string | null;
  /** Legal name of the client. */
  fullName?: string | null;
  contactPerson?: string | null;
  street?: string | null;
  houseNo?: string | null;
  houseNoExtension?: string | null;
  city?: string | null;
  zipCode?: string | null;
  stateCode?: string | null;
  countryCode?: string | null;
  fullAddress?: string | null;
  /** Organisation number. */
  idNumber?: string | null;
  companyPhone?: string | null;
  cellularPhone?: string | null;
  email?: string | null;
  webPage?: string | null;
  vatNumber?: string | null;
  vatRate?: number | null;
  municipalCode?: string | null;
  naceCode?: string | null;
  leiNumber?: string | null;
  glnNumber?: string | null;
  registeredForTAX?: boolean | null;
  languageCode?: string | null;
  currencyCode?: string | null;
  active?: boolean | null;
  blocked?: boolean | null;
  /** 1..30, the legal forms of 003 (1 = SE, Stat, landsting eller kommun ... 30 = FI, Kiinteistöosakeyhtiö). */
  companyType?: number | null;
  defaultCultureCode?: string | null;
  countryCodeOfOperation?: string | null;
  logotype?: string | null;
  webLogotype?: string | null;
  pricelistTemplate?: string | null;
  parameterTemplate?: string | null;
  chartOfAccountTemplate?: string | null;
  addresses?: Array<Record<string, unknown>> | null;
  links?: ApticLinkWire[] | null;
  [field: string]: unknown;
}

/** `GET /clients/{guid}/contract`. */
export interface ApticContractWire {
  contractType?: number | null;
  contractNumber?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  invoiceDate?: string | null;
  cancelDate?: string | null;
  idNumber?: string | null;
  contractCancelReason?: string | null;
  periodFee?: number | null;
  /** Months. */
  contractLength?: number | null;
  /** Months. */
  periodLength?: number | null;
  note?: string | null;
  customerCategory?: string | null;
  instructions?: string | null;
  invoiceItem?: string | null;
  [field: string]: unknown;
}

/** `GET /clients/{guid}/factoringloancontract`. */
export interface ApticFactoringLoanContractWire {
  decisionDate?: string | null;
  limit?: number | null;
  /** Percent, 0..100. */
  autopercent?: number | null;
  /** Percent, 0..100. */
  maxpercent?: number | null;
  yourReference?: string | null;
  ourReference?: string | null;
  /** Percent. */
  interestRate?: number | null;
  interestCode?: string | null;
  limitFeeAmount?: number | null;
  limitFeePercentage?: number | null;
  /** Interest days. */
  limitFeeInterval?: number | null;
  limitFeeDate?: string | null;
  limitFeeInvoiceItem?: string | null;
  limitFeePartOfPeriod?: boolean | null;
  limitFeePartOfPeriodAmount?: number | null;
  note?: string | null;
  [field: string]: unknown;
}

/** `GET /clients/{guid}/factoringloancontract/summary`: every figure of 003. */
export interface ApticFactoringLoanSummaryWire {
  untransactedInterest?: number | null;
  totalCreditorFeeAmount?: number | null;
  currentBalance?: number | null;
  currentPercent?: number | null;
  totalInvoiceAmount?: number | null;
  totalPledgeAmount?: number | null;
  totLoanAvailable?: number | null;
  maxAvailable?: number | null;
  autoAvailable?: number | null;
  [field: string]: unknown;
}

export type ApticLoanTransactionType = "DRAWDOWN" | "REPAYMENT" | "INTEREST" | "FEE";

/**
 * An item of `GET /clients/{guid}/factoringloancontract/transactions` (003 shows no fields;
 * SOURCES.md fixes them), listed newest first.
 */
export interface ApticLoanTransactionWire {
  transactionGuid: string;
  transactionDate?: string | null;
  transactionType?: ApticLoanTransactionType | string | null;
  /** Positive; JSON number or decimal string as Aptic sends it. */
  amount?: number | string | null;
  currencyCode?: string | null;
  description?: string | null;
  [field: string]: unknown;
}

/** `GET /clients/{guid}/factoringpurchasecontract`. */
export interface ApticFactoringPurchaseContractWire {
  active?: boolean | null;
  decisionDate?: string | null;
  /** Deposit code, amount or percentage (text). */
  deposit?: string | null;
  limit?: number | null;
  customerLimit?: number | null;
  recourseLimit?: number | null;
  nonRecourseLimit?: number | null;
  defaultGroupLimit?: number | null;
  recourse?: boolean | null;
  recourseDays?: number | null;
  /** Amount or percentage (text). */
  blockedAccount?: string | null;
  blockedAccountTotal?: number | null;
  blockedAccountInterestRate?: number | null;
  blockedAccountInterestCode?: string | null;
  note?: string | null;
  overInterestAfterDays?: number | null;
  overInterestRate?: number | null;
  overInterestCode?: string | null;
  /** 1 bill, 2 registration, 3 due, 4 purchase, 5 recourse date. */
  financingInterestCalculateFrom?: number | null;
  /** 1..5 as above, 6 closure date. */
  financingInterestCalculateTo?: number | null;
  /** 1 purchase, 2 recourse, 3 closure, 4 full payment. */
  financingInterestFeeInsertTrigger?: number | null;
  financingInterestRate?: number | null;
  financingInterestCode?: string | null;
  [field: string]: unknown;
}

/** `GET /clients/{guid}/factoringpurchasecontract/summary`: every figure of 003. */
export interface ApticFactoringPurchaseSummaryWire {
  numberOfInvoices?: number | null;
  currentPurchaseNonRecourse?: number | null;
  currentPurchaseRecourse?: number | null;
  currentPurchase?: number | null;
  remainingDeposit?: number | null;
  totalNumberOfInvoices?: number | null;
  totalPurchaseNonRecourse?: number | null;
  totalPurchaseRecourse?: number | null;
  totalPurchase?: number | null;
  totalDeposit?: number | null;
  [field: string]: unknown;
}

/** An item of `GET /clients/{guid}/bankaccounts`. */
export interface ApticBankAccountWire {
  bankaccountGuid: string;
  bankaccountNo?: string | null;
  description?: string | null;
  /** 0 unknown, 1 Plusgiro SE, 2 Bankgiro SE, 3 NL, 4 foreign, 5 Bankgiro DK, 7 Bankgiro NO, 8 NO, 9 SE, 10 FI. */
  bankaccountClass?: number | null;
  /** 1 solicitor, 2 creditor, 3 debtor, 4 shared. */
  ownerType?: number | null;
  internalCode?: string | null;
  priority?: number | null;
  agreementNo?: string | null;
  bankCode?: string | null;
  bankDescription?: string | null;
  countryCode?: string | null;
  zipCode?: string | null;
  city?: string | null;
  /** 0 no, 1 payments, 2 nettings. */
  allowPayments?: number | null;
  allowDisbursementsFrom?: boolean | null;
  allowDisbursementsTo?: boolean | null;
  businessAccount?: boolean | null;
  thirdPartyRemittance?: boolean | null;
  powerOfAttorney?: boolean | null;
  currencyCode?: string | null;
  accountBalance?: number | null;
  iban?: string | null;
  bic?: string | null;
  blz?: string | null;
  swift?: string | null;
  links?: ApticLinkWire[] | null;
  [field: string]: unknown;
}

/** An item of `GET /clients/{guid}/parameters`. */
export interface ApticParameterWire {
  name?: string | null;
  type?: string | null;
  value?: string | null;
  href?: string | null;
  [field: string]: unknown;
}

/** An item of `GET /clients/{guid}/extrafields`. */
export interface ApticExtraFieldWire {
  name?: string | null;
  value?: string[] | null;
  [field: string]: unknown;
}

/** An item of `GET /clients/{guid}/directdebitmandates`. */
export interface ApticDirectDebitMandateWire {
  mandateGuid: string;
  /** 1 Autogiro SE, 2 Incasso NL, 3 SEPA consumer recurring, 4 SEPA consumer one-off, 5 SEPA business recurring, 7 SEPA business one-off. */
  directDebitMandateType?: number | null;
  referenceNo?: string | null;
  bankAccountNo?: string | null;
  requestedAt?: string | null;
  approvedAt?: string | null;
  signedDate?: string | null;
  validfrom?: string | null;
  validuntil?: string | null;
  closedAt?: string | null;
  links?: ApticLinkWire[] | null;
  [field: string]: unknown;
}

/** `GET /clients/{guid}/summary`. */
export interface ApticClientSummaryWire {
  referenceCode?: string | null;
  fullName?: string | null;
  invoices?: number | null;
  purchasedInvoices?: number | null;
  accounts?: number | null;
  cases?: number | null;
  charts?: Array<Record<string, unknown>> | null;
  [field: string]: unknown;
}

/**
 * An item of `GET /clients/{guid}/accounts/summary` (a `{count, skip, total, value}` listing; 003
 * shows no item fields).
 */
export type ApticAccountSummaryWire = Record<string, unknown>;

/** RFC 7807 problem details: Aptic's error body (and `property1`... extensions). */
export interface ApticProblemWire {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [field: string]: unknown;
}

/** The token endpoint's answer (OAuth2 client credentials). */
export interface ApticTokenWire {
  access_token: string;
  token_type?: string;
  /** Seconds. */
  expires_in?: number;
  [field: string]: unknown;
}
