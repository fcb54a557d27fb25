export { CreditDataClient, CREDIT_DATA_SOURCE, describeCreditDataError, type CreditDataClientOptions, type CreditDataConnection, type CreditDataListing, type CreditDataListPage, type CreditDataActs } from "./client";
export { mapCreditDataClient, mapCreditDataActs, CREDIT_DATA_FIELDS, ACT_COLUMNS, type CreditDataClientRecord, type SourceActRecord, type SourceActDataPoint } from "./mapping";
export { CreditDataSimulator, type CreditDataSimulatorOptions, type CreditDataSimClient } from "./simulator";
export type { CreditDataClientWire, CreditDataActWire, CreditDataPointWire, CreditDataMetaWire, CreditDataListWire, CreditDataErrorWire } from "./wire";
