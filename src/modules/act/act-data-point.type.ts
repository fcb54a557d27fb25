import { Field, ObjectType } from "type-graphql";
import { Decimal } from "../../common/scalars";

/** One line of a financial statement, stored in `act.data_points` (jsonb). */
@ObjectType({ description: "One line of a financial statement, e.g. code 'EBITDA'" })
export class ActDataPoint {
  @Field()
  code: string;

  @Field()
  label: string;

  @Field(() => Decimal, { nullable: true })
  value: string | null;

  @Field(() => String, { nullable: true, description: "The value's unit as the source gives it: a currency code (SEK), PERCENT, COUNT..." })
  unit?: string | null;
}
