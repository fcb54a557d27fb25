import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../../common/pagination/page-info";
import { Act } from "./act.entity";
import { ActEdge } from "./act-edge.type";

/** A page of a client's acts, newest first (Relay connection). */
@ObjectType({ description: "A page of acts, newest first" })
export class ActConnection {
  @Field(() => [ActEdge])
  edges: ActEdge[];

  @Field(() => [Act])
  nodes: Act[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
