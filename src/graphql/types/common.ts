import { Field, InputType, ObjectType } from 'type-graphql';
import { DecimalScalar } from './scalars';

@ObjectType({ description: 'An amount of money: a decimal string and its ISO 4217 currency (金额)' })
export class Money {
  @Field(() => DecimalScalar, { description: 'Exact amount as a decimal string (金额)' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. CNY, USD, EUR (币种)' })
  currency!: string;
}

@InputType({ description: 'An amount of money: a decimal string and its ISO 4217 currency (金额)' })
export class MoneyInput {
  @Field(() => DecimalScalar, { description: 'Exact amount as a decimal string, e.g. "25.00"' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, e.g. USD' })
  currency!: string;
}
