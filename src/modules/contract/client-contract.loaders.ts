import { hasOne } from "../../common/loaders";
import { ClientContract } from "./client-contract.entity";

/** A client's contract, keyed by the client's id. */
export const contractByClient = hasOne("contractByClient", ClientContract, { parentColumn: "clientId" });
