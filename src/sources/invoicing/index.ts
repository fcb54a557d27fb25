export { InvoicingClient, INVOICING_SOURCE, describeInvoicingError, type InvoicingClientOptions, type InvoicingConnection, type InvoicingListing, type InvoicingPage, type InvoicingFailedCustomer } from "./client";
export { mapInvoicingCustomer, INVOICING_FIELDS, CUSTOMER_TYPES, type InvoicingClientRecord, type SourceInvoiceRecord, type RejectedInvoice } from "./mapping";
export { InvoicingSimulator, type InvoicingSimulatorOptions, type InvoicingSimCustomer } from "./simulator";
export type { InvoicingCustomerListItemWire, InvoicingCustomerWire, InvoicingInvoiceWire, InvoicingErrorWire, InvoicingMetaWire, InvoicingCustomerType } from "./wire";
