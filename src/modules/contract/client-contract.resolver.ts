import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { keyOf } from "../../common/loaders";
import { databaseField, dbFreeFields, NoArgs } from "../../common/prefetch";
import type { RequestContext } from "../../context";
import { displayIdNumber } from "../client/client.display";
import { Client } from "../client/client.entity";
import { ClientContract } from "./client-contract.entity";
import { contractByClient } from "./client-contract.loaders";
import { clientContractApi } from "./client-contract.writes";

const loadContract = databaseField("Client", "contract", (client: Client, _args: NoArgs, ctx) => ctx.loaders.get(contractByClient).load(keyOf(client)));

/** `Client.contract`: the client's service contract, batched per request. */
@Resolver(() => Client)
export class ClientContractFieldResolver {
  @FieldResolver(() => ClientContract, { nullable: true, description: "The client's service contract; null when it has none" })
  contract(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientContract | null> {
    return loadContract(client, {}, ctx);
  }
}

dbFreeFields("ClientContract", ["idNumber"]);
dbFreeFields("ClientContractPreview", ["idNumber"]);

/** A sole trader's contract may carry a personnummer: shown by the personnummer rule. */
@Resolver(() => ClientContract)
export class ClientContractIdNumberResolver {
  @FieldResolver(() => String, { nullable: true, description: "Organisation number as written on the contract; a personnummer is masked without clients:pii" })
  idNumber(@Root() contract: ClientContract, @Ctx() ctx: RequestContext): string | null {
    return displayIdNumber(contract.idNumber, ctx.caller.scopes.has("clients:pii"));
  }
}

/** A dry run's preview shows the idNumber by the same rule as the contract itself. */
@Resolver(() => clientContractApi.Preview)
export class ClientContractPreviewIdNumberResolver {
  @FieldResolver(() => String, { nullable: true, description: "As written; a personnummer is masked without clients:pii" })
  idNumber(@Root() preview: { idNumber?: string | null }, @Ctx() ctx: RequestContext): string | null {
    return displayIdNumber(preview.idNumber ?? null, ctx.caller.scopes.has("clients:pii"));
  }
}
