import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../../common/pagination/page-info";
import { Client } from "./client.entity";

@ObjectType()
export class ClientEdge {
  @Field() cursor: string;
  @Field(() => Client) node: Client;
}

/** A page of clients. `totalCount` costs a COUNT(*) and runs only when selected. */
@ObjectType()
export class ClientConnection {
  @Field(() => [ClientEdge]) edges: ClientEdge[];
  @Field(() => [Client]) nodes: Client[];
  @Field(() => PageInfo) pageInfo: PageInfo;

  /** Counts every client the filter matches (not only this page); resolved by ClientConnectionResolver. */
  count: () => Promise<number>;
}

