import { Field, ObjectType } from "type-graphql";
import { PageInfo } from "../../common/pagination/page-info";
import { Client } from "./client.entity";

@ObjectType({ description: "A client and its cursor" })
export class ClientEdge {
  @Field({ description: "Opaque; pass as `after` for the clients after this one, as `before` for those before it" }) cursor: string;
  @Field(() => Client, { description: "The client" }) node: Client;
}

/** A page of clients. `totalCount` costs a COUNT(*) and runs only when selected. */
@ObjectType({ description: "A page of clients" })
export class ClientConnection {
  @Field(() => [ClientEdge], { description: "The page's clients with their cursors" }) edges: ClientEdge[];
  @Field(() => [Client], { description: "The page's clients (as edges' nodes, without cursors)" }) nodes: Client[];
  @Field(() => PageInfo, { description: "Whether there are clients before and after this page, and the cursors at its ends" }) pageInfo: PageInfo;

  /** Counts every client the filter matches (not only this page); resolved by ClientConnectionResolver. */
  count: () => Promise<number>;
}

