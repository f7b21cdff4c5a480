import { ArgsType, Field, Int } from 'type-graphql';

/** Paging of a connection nested in another object: forward only, in the relation's own order. */
@ArgsType()
export class NestedPageArgs {
  @Field(() => Int, { nullable: true, description: 'Rows to return: 1–100, default 20 (每页条数)' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return rows after this cursor (游标之后)' })
  after?: string;
}
