import { InputType } from "type-graphql";
import { ClientValues, declareClientFields } from "./client.fields";

/** A new client. Formats are checked by the gateway, so every bad field is reported at once. */
@InputType({ description: "A new client: every field of the sources; formats and checksums are validated together (INVALID_DATA)" })
export class CreateClientInput {}
export interface CreateClientInput extends ClientValues {}
declareClientFields(CreateClientInput, "create");

/** A partial update: a field left out stays as it is, `null` clears it (required fields can't be cleared). */
@InputType({ description: "A partial update: leave a field out to keep it, send null to clear it" })
export class UpdateClientInput {}
export interface UpdateClientInput extends ClientValues {}
declareClientFields(UpdateClientInput, "update");
