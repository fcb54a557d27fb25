import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../context";
import { keyOf } from "../../common/loaders";
import { formatOrgNumber } from "../../common/validation/checksums";
import { Client } from "./client.entity";
import { ClientType, companyTypeCode } from "./client.enums";
import { childrenByParent, clientById } from "./client.loaders";

/** Hides the serial part of a personal identity number: `19800101-1234` -> `19800101-****`. */
export function maskPersonalNumber(formatted: string): string {
  const digits = [...formatted].filter((ch) => /[0-9A-Za-z]/.test(ch)).length;
  let toMask = Math.min(4, digits);
  return [...formatted]
    .reverse()
    .map((ch) => (/[0-9A-Za-z]/.test(ch) && toMask-- > 0 ? "*" : ch))
    .reverse()
    .join("");
}

/**
 * Where the GraphQL Client differs from the stored one: the org number is shown in the country's
 * format and, for individuals, masked unless the caller has `clients:pii`; the relations come
 * through the request's loaders.
 */
@Resolver(() => Client)
export class ClientFieldsResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "In the country's usual format. For INDIVIDUAL clients a personal identity number, masked without clients:pii",
  })
  orgNumber(@Root() client: Client, @Ctx() ctx: RequestContext): string | null {
    if (!client.orgNumber) return null;
    const formatted = formatOrgNumber(client.countryCode ?? "", client.orgNumber);
    const personal = client.clientType === ClientType.INDIVIDUAL;
    return personal && !ctx.caller.scopes.has("clients:pii") ? maskPersonalNumber(formatted) : formatted;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "For INDIVIDUAL clients it can embed the personal identity number, masked like orgNumber without clients:pii",
  })
  vatNumber(@Root() client: Client, @Ctx() ctx: RequestContext): string | null {
    if (!client.vatNumber || client.clientType !== ClientType.INDIVIDUAL || ctx.caller.scopes.has("clients:pii")) {
      return client.vatNumber;
    }
    // A Swedish sole trader's VAT number is SE + the 10-digit personnummer + 01: hide its serial part.
    const personal = (client.orgNumber ?? "").slice(-10);
    const at = personal.length === 10 ? client.vatNumber.indexOf(personal) : -1;
    if (at >= 0) return `${client.vatNumber.slice(0, at + 6)}****${client.vatNumber.slice(at + 10)}`;
    return client.vatNumber.slice(0, 2) + client.vatNumber.slice(2).replace(/[0-9A-Za-z]/g, "*");
  }

  @FieldResolver(() => Int, { nullable: true, description: "The factoring platform's companyType code (1..30)" })
  companyTypeCode(@Root() client: Client): number | null {
    return client.companyType ? companyTypeCode(client.companyType) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Street, house number, zip code and city on one line" })
  fullAddress(@Root() client: Client): string | null {
    const street = [client.street, [client.houseNo, client.houseNoExtension].filter(Boolean).join("")].filter(Boolean).join(" ");
    const town = [client.zipCode, client.city].filter(Boolean).join(" ");
    const line = [street, town].filter(Boolean).join(", ");
    return line || null;
  }

  @FieldResolver(() => Client, { nullable: true, description: "The group parent" })
  async parent(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Client | null> {
    if (!client.parentId) return null;
    return ctx.loaders.get(clientById).load({ tenantId: client.tenantId, id: client.parentId });
  }

  @FieldResolver(() => [Client], { description: "Group companies whose parent this client is" })
  children(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<Client[]> {
    return ctx.loaders.get(childrenByParent).load(keyOf(client));
  }
}
