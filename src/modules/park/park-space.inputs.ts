import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/types/scalars';
import { ContactInput } from '../matchmaking/matchmaking.inputs';
import { ParkSpaceKind } from './park.enums';

/*
 * What a park's operator gives to publish or change a space (park-space.writes.ts). The bounds are
 * the import's (park-space.import.ts `parkSpaceFields`), checked by the same field checks.
 */

@InputType({ description: 'A space to let in a park you operate (发布园区可租空间)' })
export class ParkSpaceInput {
  @Field(() => ID, { description: 'The park’s global ID; your enterprise must be its operator (园区ID)' })
  parkId!: string;

  @Field({
    description:
      'Your key for the space within the park, at most 80 characters, unique in the park; the import’s `ref`, so a file with the same ref updates this space (园区内编号，至多80字)',
  })
  ref!: string;

  @Field({ description: 'Title in Chinese, at most 200 characters (中文标题，至多200字)' })
  nameZh!: string;

  @Field({ description: 'Title in English, at most 300 characters (英文标题，至多300字符)' })
  nameEn!: string;

  @Field(() => String, { nullable: true, description: 'Description in Chinese, at most 2,000 characters, line breaks allowed (中文描述，至多2000字)' })
  descriptionZh?: string;

  @Field(() => String, { nullable: true, description: 'Description in English, at most 2,000 characters, line breaks allowed (英文描述，至多2000字符)' })
  descriptionEn?: string;

  @Field(() => ParkSpaceKind, { description: 'Kind of space (空间类型)' })
  kind!: ParkSpaceKind;

  @Field(() => Int, { description: 'Floor area, whole m², 1–1,000,000 (面积，平方米)' })
  areaM2!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'When the space can be let in parts, the smallest part in m², at most the area; leave out when it is let whole only (最小可分割面积)',
  })
  minDivisibleM2?: number;

  @Field(() => Int, { nullable: true, description: 'Floor, −10 to 200, negative below ground; leave out for a whole building or a yard (楼层)' })
  floor?: number;

  @Field(() => DecimalScalar, {
    description: 'Rent per m² a month, CNY, 0 or more; at most 8 digits before the point and 2 after (月租金，元/平方米，整数至多8位、小数至多2位)',
  })
  monthlyRentPerM2!: string;

  @Field(() => DateScalar, { description: 'First day it can be moved into (可入驻日期)' })
  availableFrom!: string;

  @Field(() => Int, { nullable: true, description: 'Shortest lease, 1–120 months; default 1 (最短租期，月，默认1)' })
  minTermMonths?: number;

  @Field(() => ContactInput, { nullable: true, description: 'Your leasing desk: shown to callers with an API key (招商联系方式：凭API密钥可见)' })
  contact?: ContactInput;
}

@InputType({
  description:
    'Changes to a space of a park you operate: only the fields given change; null clears an optional field (description, minDivisibleM2, floor, contact) (修改园区可租空间)',
})
export class ParkSpaceUpdateInput {
  @Field(() => String, { nullable: true, description: 'Title in Chinese, at most 200 characters (中文标题)' })
  nameZh?: string;

  @Field(() => String, { nullable: true, description: 'Title in English, at most 300 characters (英文标题)' })
  nameEn?: string;

  @Field(() => String, { nullable: true, description: 'Description in Chinese, at most 2,000 characters; null clears it (中文描述)' })
  descriptionZh?: string | null;

  @Field(() => String, { nullable: true, description: 'Description in English, at most 2,000 characters; null clears it (英文描述)' })
  descriptionEn?: string | null;

  @Field(() => ParkSpaceKind, { nullable: true, description: 'Kind of space (空间类型)' })
  kind?: ParkSpaceKind;

  @Field(() => Int, { nullable: true, description: 'Floor area, whole m², 1–1,000,000, not below minDivisibleM2 (面积，平方米)' })
  areaM2?: number;

  @Field(() => Int, { nullable: true, description: 'Smallest part in m² when let in parts, at most the area; null: let whole only (最小可分割面积)' })
  minDivisibleM2?: number | null;

  @Field(() => Int, { nullable: true, description: 'Floor, −10 to 200; null for a whole building or a yard (楼层)' })
  floor?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Rent per m² a month, CNY, 0 or more, up to 2 decimals (月租金，元/平方米)' })
  monthlyRentPerM2?: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day it can be moved into (可入驻日期)' })
  availableFrom?: string;

  @Field(() => Int, { nullable: true, description: 'Shortest lease, 1–120 months (最短租期，月)' })
  minTermMonths?: number;

  @Field(() => ContactInput, { nullable: true, description: 'Your leasing desk, replacing the old one whole; null clears it (招商联系方式)' })
  contact?: ContactInput | null;
}
