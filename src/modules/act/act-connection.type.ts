import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../../common/pagination/page-info";
import { Act } from "./act.entity";
import { ActEdge } from "./act-edge.type";

/** A page of a client's acts, newest first (Relay connection). */
@ObjectType({ description: "A page of acts, newest first" })
export class ActConnection {
  @Field(() => [ActEdge], { description: "The page's items, each with its cursor" })
  edges: ActEdge[];

  @Field(() => [Act], { description: "The page's items, in order, without cursors" })
  nodes: Act[];

  @Field(() => PageInfo, { description: "Whether more items follow or precede, and the cursors at the page's ends" })
  pageInfo: PageInfo;
}
