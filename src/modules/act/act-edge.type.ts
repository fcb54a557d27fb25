import { Field, ObjectType } from "type-graphql";
import { Act } from "./act.entity";

/** One act of a page of acts, with the cursor to continue after it. */
@ObjectType({ description: "An act and its cursor" })
export class ActEdge {
  @Field({ description: "Opaque cursor of this item: pass it as after to read the items that follow it" })
  cursor: string;

  @Field(() => Act, { description: "The item" })
  node: Act;
}
