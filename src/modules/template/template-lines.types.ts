import { Field, Int, ObjectType } from "type-graphql";
import { Currency } from "../../common/scalars";
import { AccountType } from "../chart-of-accounts/account-type.enum";

/**
 * What a template holds, one item each: stored as JSON on the template row (a template is defined
 * and replaced as a whole, and read as a whole), typed here for GraphQL and for applying it.
 */

@ObjectType({ description: "A pricelist a pricelist template gives a client: the fields of a client pricelist (seed 003's Insert client pricelist)" })
export class PricelistTemplateLine {
  @Field(() => String, { description: "The name of the client's pricelist" })
  pricelistName: string;

  @Field(() => Currency, { nullable: true, description: "The pricelist's currency (ISO 4217)" })
  currencyCode: string | null;

  @Field(() => Boolean, { description: "Whether the pricelist is active" })
  isActive: boolean;

  @Field(() => Int, { description: "The service it prices (a PricelistService of the company)" })
  serviceId: number;

  @Field(() => Boolean, { description: "Becomes the client's default pricelist (at most one line of a template)" })
  isDefaultPricelist: boolean;

  @Field(() => String, { nullable: true, description: "The pricelist's condition" })
  condition: string | null;

  @Field(() => Boolean, { description: "Creditor fee event indicator" })
  creditorFeeEvents: boolean;
}

@ObjectType({ description: "A parameter a parameter template gives a client" })
export class ParameterTemplateEntry {
  @Field(() => String, { description: "The parameter's name (unique in the template)" })
  name: string;

  @Field(() => String, { nullable: true, description: "The parameter's type, as the source names it" })
  type: string | null;

  @Field(() => String, { nullable: true, description: "The parameter's value" })
  value: string | null;

  @Field(() => String, { nullable: true, description: "A link the parameter carries" })
  href: string | null;
}

@ObjectType({ description: "An account a chart-of-account template gives a client" })
export class ChartOfAccountTemplateAccount {
  @Field(() => String, { description: "The account number (unique in the template)" })
  accountNumber: string;

  @Field(() => String, { description: "The account's name" })
  name: string;

  @Field(() => AccountType, { nullable: true, description: "What kind of account it is" })
  accountType: AccountType | null;
}
