import { Field, Float, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar } from '../../graphql/types/scalars';
import { Sql, SqlObject } from '../../graphql/sql/declare';
import { col, expr, inline, one } from '../../graphql/sql/fields';
import { distanceKmField } from '../../graphql/types/geo';
import { Enterprise } from '../enterprise/enterprise.types';
import { District, Zone } from '../reference/reference.types';
import { GeoPoint } from '../warehouse/warehouse.types';
import { ParkDesignation, ParkDesignationLabels, ParkKind, ParkKindLabels, ParkPublicService, ParkPublicServiceLabels } from './park.enums';
import { RecordSource, SOURCE_DESCRIPTION, sourceOf } from '../../graphql/types/provenance';

registerBilingualEnum(ParkKind, 'ParkKind', 'Kind of CBEC industrial park, per measure 3 (园区类型)', ParkKindLabels);
registerBilingualEnum(ParkDesignation, 'ParkDesignation', 'Official designation of a park (园区称号)', ParkDesignationLabels);
registerBilingualEnum(ParkPublicService, 'ParkPublicService', 'A public service a park offers its tenants (园区公共服务)', ParkPublicServiceLabels);

@SqlObject({ table: 'industrial_park' })
@ObjectType({ implements: Node, description: 'A CBEC industrial park (跨境电商产业园区) of one of the four kinds of measure 3' })
export class IndustrialPark extends NamedNode {
  @Sql(sourceOf('industrial_park'))
  @Field(() => RecordSource, { nullable: true, description: SOURCE_DESCRIPTION })
  source?: RecordSource | null;

  @Sql(col('slug'))
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Sql(col('kind'))
  @Field(() => ParkKind, { description: 'Kind of park (园区类型)' })
  kind!: ParkKind;

  @Sql(col('designation'))
  @Field(() => ParkDesignation, { description: 'Official designation (园区称号)' })
  designation!: ParkDesignation;

  @Sql(one((t, c) => `district ${c} where ${c}.code = ${t}.district_code`))
  @Field(() => District, { description: 'District it lies in (所在区县)' })
  district!: District;

  @Sql(one((t, c) => `zone ${c} where ${c}.id = ${t}.zone_id`))
  @Field(() => Zone, { nullable: true, description: 'Functional zone it lies in, if any (所在功能区)' })
  zone?: Zone;

  @Sql(col('address_zh'))
  @Field(() => String, { nullable: true, description: 'Address in Chinese (地址)' })
  addressZh?: string;

  @Sql(inline())
  @Field(() => GeoPoint, { description: 'Location (坐标)' })
  location!: GeoPoint;

  @Sql(col('area_m2'))
  @Field(() => Int, { nullable: true, description: 'Floor area in m² (面积，平方米)' })
  areaM2?: number;

  @Sql(col('public_services'))
  @Field(() => [ParkPublicService], { description: 'Public services offered (公共服务)' })
  publicServices!: ParkPublicService[];

  @Sql(col('opened_year'))
  @Field(() => Int, { nullable: true, description: 'Year it opened (开园年份)' })
  openedYear?: number;

  @Sql(one((t, c) => `enterprise ${c} where ${c}.id = ${t}.operator_id`))
  @Field(() => Enterprise, {
    nullable: true,
    description:
      'The enterprise that runs the park, as the park’s record names it; its API keys publish and manage the park’s space. Null when none is named (运营企业：可凭其API密钥发布、管理园区空间)',
  })
  operator?: Enterprise;

  @Sql(expr((t) => `(select count(*)::int from park_tenancy pt where pt.park_id = ${t}.id and pt.moved_out_on is null)`))
  @Field(() => Int, { description: 'Enterprises settled there now (现入驻企业数)' })
  tenantCount!: number;

  @Sql(distanceKmField)
  @Field(() => Float, { nullable: true, description: 'Kilometres from the point of `filter.near`; null without it (距离，公里)' })
  distanceKm?: number;

  @Sql(col('is_sample'))
  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

/**
 * Relationship fields of a park–enterprise tenancy, inherited by edges and links (not itself in
 * the schema). The SQL is a link's (a row of park_tenancy); a ParkTenantEdge, which the compiler
 * shapes itself, ignores it.
 */
@ObjectType('TenancyFields', { description: 'Tenancy fields (入驻信息)' })
export class TenancyFields {
  @Sql(col('moved_in_on'))
  @Field(() => DateScalar, { description: 'Day the enterprise moved in (入驻日期)' })
  movedInOn!: string;

  @Sql(col('moved_out_on'))
  @Field(() => DateScalar, { nullable: true, description: 'Day it moved out; null while settled (迁出日期)' })
  movedOutOn?: string;
}

@SqlObject({ table: 'park_tenancy' })
@ObjectType({ description: 'A park an enterprise is or was settled in (入驻园区)' })
export class EnterpriseParkLink extends TenancyFields {
  @Sql(one((t, c) => `industrial_park ${c} where ${c}.id = ${t}.park_id`))
  @Field(() => IndustrialPark, { description: 'The park (园区)' })
  park!: IndustrialPark;
}
