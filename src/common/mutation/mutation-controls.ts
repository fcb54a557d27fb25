import { ArgsType, Field } from "type-graphql";
import type { DataSource } from "typeorm";
import type { RequestContext } from "../../context";

/** The arguments every mutation takes besides its own (API.md, Semantics every mutation shares). */
@ArgsType()
export class MutationControls {
  @Field(() => String, { description: "1..255 characters; a retry with the same key and arguments gets the stored payload (replayed: true)" })
  idempotencyKey: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Validate and run against the database, then roll back: nothing is stored, no external call" })
  dryRun: boolean | null;
}

/** Mutation specs made once per server (data source) rather than on every call. */
export function specsPerServer<T>(make: (dataSource: DataSource) => T): (ctx: RequestContext) => T {
  const made = new WeakMap<DataSource, T>();
  return (ctx) => {
    const dataSource = ctx.mutations.dataSource;
    let specs = made.get(dataSource);
    if (!specs) made.set(dataSource, (specs = make(dataSource)));
    return specs;
  };
}
