import { Field, ObjectType } from "type-graphql";
import { Decimal } from "../../common/scalars";

/** One line of a financial statement, stored in `act.data_points` (jsonb). */
@ObjectType({ description: "One line of a financial statement, e.g. code 'EBITDA'" })
export class ActDataPoint {
  @Field({ description: "The provider's code for the figure, e.g. NET_REVENUE" })
  code: string;

  @Field({ description: "The provider's human-readable name of the figure" })
  label: string;

  @Field(() => Decimal, { nullable: true, description: "The figure's value as a decimal string; null when the provider reports it empty" })
  value: string | null;

  @Field(() => String, { nullable: true, description: "The value's unit as the source gives it: a currency code (SEK), PERCENT, COUNT..." })
  unit?: string | null;
}
