import { MutationErrorCode } from "../../common/mutation/mutation-error";
import type { ChildResource } from "../../common/resource/child-resource";
import { dateOrder, ResourceFields, ResourceValues } from "../../common/resource/fields";
import { childResourceApi } from "../client/client-resource";
import { displayIdNumber } from "../client/client.display";
import { ClientContract } from "./client-contract.entity";

/** The writable fields of a client contract (seed 003's client contract, every field). */
export const CLIENT_CONTRACT_FIELDS: ResourceFields = {
  contractType: { kind: "int", range: [0, 2147483647], description: "The platform's contract type" },
  contractNumber: { kind: "text", max: 50 },
  startDate: { kind: "date", description: "Commencement; on or before endDate" },
  endDate: { kind: "date", description: "Expiry; on or before cancelDate" },
  invoiceDate: { kind: "date" },
  cancelDate: { kind: "date" },
  idNumber: { kind: "text", max: 32, personal: true, description: "Organisation number as written on the contract; a personnummer needs clients:pii" },
  contractCancelReason: { kind: "text", max: 255 },
  periodFee: { kind: "money", description: "Fee per period" },
  contractLength: { kind: "int", range: [0, 1200], description: "Months" },
  periodLength: { kind: "int", range: [0, 1200], description: "Months" },
  note: { kind: "text", max: 10_000 },
  customerCategory: { kind: "text", max: 50 },
  instructions: { kind: "text", max: 10_000, description: "Special instructions to the agents" },
  invoiceItem: { kind: "text", max: 50, description: "Invoice item number for the period fee" },
};

export const clientContractResource: ChildResource<ClientContract> = {
  entity: ClientContract,
  typeName: "ClientContract",
  label: "client contract",
  fields: CLIENT_CONTRACT_FIELDS,
  rules: [
    dateOrder<ResourceValues>("startDate", "endDate", "The contract can't end before it starts"),
    dateOrder<ResourceValues>("endDate", "cancelDate", "The contract can't be cancelled before it ends"),
    dateOrder<ResourceValues>("startDate", "cancelDate", "The contract can't be cancelled before it starts"),
  ],
  // The audit trail is kept for good: a personnummer in idNumber is kept masked.
  auditMask: (field, value) => (field === "idNumber" && typeof value === "string" ? displayIdNumber(value, false) : value),
};

export const clientContractApi = childResourceApi({
  resource: clientContractResource,
  type: ClientContract,
  names: { create: "createClientContract", update: "updateClientContract", delete: "deleteClientContract" },
  payloadField: "contract",
  one: { existsCode: MutationErrorCode.ALREADY_EXISTS },
  descriptions: {
    create: "Gives a client its contract; a client has at most one (ALREADY_EXISTS).",
    update: "Changes some fields of a client's contract (a partial patch).",
    delete: "Deletes a client's contract.",
  },
});
