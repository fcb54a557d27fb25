import { Field, ObjectType } from "type-graphql";
import { Act } from "./act.entity";

/** One act of a page of acts, with the cursor to continue after it. */
@ObjectType({ description: "An act and its cursor" })
export class ActEdge {
  @Field()
  cursor: string;

  @Field(() => Act)
  node: Act;
}
