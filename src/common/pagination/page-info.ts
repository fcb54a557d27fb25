import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "Relay page information" })
export class PageInfo {
  @Field({ description: "Whether there are rows after this page (ask with after: endCursor)" })
  hasNextPage: boolean;

  @Field({ description: "Whether there are rows before this page (ask with last and before: startCursor)" })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the page's first row, to pass as before; null when the page is empty" })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the page's last row, to pass as after; null when the page is empty" })
  endCursor: string | null;
}
