import { ArgsType, Field, ID } from "type-graphql";
import { MutationControls } from "../mutation/mutation-controls";
import { UUID } from "../scalars";

/**
 * The arguments of a nested mutation that names its client: by id or by GUID (`uniqueId`, Aptic's
 * clientGuid), exactly one of them; both or neither is INVALID_DATA, with the call's other failures.
 */
@ArgsType()
export class ClientRefControls extends MutationControls {
  @Field(() => ID, { nullable: true, description: "The client's id; or give clientUniqueId (exactly one of the two)" })
  clientId?: string | null;

  @Field(() => UUID, { nullable: true, description: "The client's GUID (uniqueId); or give clientId (exactly one of the two)" })
  clientUniqueId?: string | null;
}
