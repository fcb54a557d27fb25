export { CrmClient, CRM_SOURCE, describeCrmError, type CrmClientOptions, type CrmConnection, type CrmListing, type CrmPage } from "./client";
export { mapCrmClient, CRM_RENAMED, CRM_SAME_NAME } from "./mapping";
export { CrmSimulator, type CrmSimulatorOptions } from "./simulator";
export type { CrmClientWire, CrmExternalIdentifierWire, CrmErrorWire, CrmDeletionStatus } from "./wire";
