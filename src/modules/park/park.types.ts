import { Field, Float, Int, ObjectType } from 'type-graphql';
import { registerBilingualEnum } from '../../graphql/types/enums';
import { NamedNode, Node } from '../../graphql/types/relay';
import { DateScalar, DateTimeScalar } from '../../graphql/types/scalars';
import { registerSqlType } from '../../graphql/sql/compile';
import { col, nameFields, nodeFields } from '../../graphql/sql/fields';
import { distanceKmField } from '../../graphql/types/geo';
import { District, Zone } from '../reference/reference.types';
import { GeoPoint } from '../warehouse/warehouse.types';
import { ParkDesignation, ParkDesignationLabels, ParkKind, ParkKindLabels, ParkPublicService, ParkPublicServiceLabels } from './park.enums';

registerBilingualEnum(ParkKind, 'ParkKind', 'Kind of CBEC industrial park, per measure 3 (园区类型)', ParkKindLabels);
registerBilingualEnum(ParkDesignation, 'ParkDesignation', 'Official designation of a park (园区称号)', ParkDesignationLabels);
registerBilingualEnum(ParkPublicService, 'ParkPublicService', 'A public service a park offers its tenants (园区公共服务)', ParkPublicServiceLabels);

@ObjectType({ implements: Node, description: 'A CBEC industrial park (跨境电商产业园区) of one of the four kinds of measure 3' })
export class IndustrialPark extends NamedNode {
  @Field({ description: 'URL-safe stable key (短标识)' })
  slug!: string;

  @Field(() => ParkKind, { description: 'Kind of park (园区类型)' })
  kind!: ParkKind;

  @Field(() => ParkDesignation, { description: 'Official designation (园区称号)' })
  designation!: ParkDesignation;

  @Field(() => District, { description: 'District it lies in (所在区县)' })
  district!: District;

  @Field(() => Zone, { nullable: true, description: 'Functional zone it lies in, if any (所在功能区)' })
  zone?: Zone;

  @Field(() => String, { nullable: true, description: 'Address in Chinese (地址)' })
  addressZh?: string;

  @Field(() => GeoPoint, { description: 'Location (坐标)' })
  location!: GeoPoint;

  @Field(() => Int, { nullable: true, description: 'Floor area in m² (面积，平方米)' })
  areaM2?: number;

  @Field(() => [ParkPublicService], { description: 'Public services offered (公共服务)' })
  publicServices!: ParkPublicService[];

  @Field(() => Int, { nullable: true, description: 'Year it opened (开园年份)' })
  openedYear?: number;

  @Field(() => Int, { description: 'Enterprises settled there now (现入驻企业数)' })
  tenantCount!: number;

  @Field(() => Float, { nullable: true, description: 'Kilometres from the point of `filter.near`; null without it (距离，公里)' })
  distanceKm?: number;

  @Field({ description: 'True for fictitious sample data (是否为示例数据)' })
  isSample!: boolean;
}

registerSqlType({
  name: 'IndustrialPark',
  table: 'industrial_park',
  key: (t) => `${t}.id`,
  fields: {
    ...nodeFields('IndustrialPark'),
    ...nameFields(),
    slug: col('slug'),
    kind: col('kind'),
    designation: col('designation'),
    district: { kind: 'one', type: 'District', source: (t, c) => `district ${c} where ${c}.code = ${t}.district_code` },
    zone: { kind: 'one', type: 'Zone', source: (t, c) => `zone ${c} where ${c}.id = ${t}.zone_id` },
    addressZh: col('address_zh'),
    location: { kind: 'inline', type: 'GeoPoint' },
    areaM2: col('area_m2'),
    publicServices: col('public_services'),
    openedYear: col('opened_year'),
    tenantCount: { kind: 'expr', sql: (t) => `(select count(*)::int from park_tenancy pt where pt.park_id = ${t}.id and pt.moved_out_on is null)` },
    distanceKm: distanceKmField,
    isSample: col('is_sample'),
  },
});

/** Relationship fields of a park–enterprise tenancy, inherited by edges and links (not itself in the schema). */
@ObjectType('TenancyFields', { description: 'Tenancy fields (入驻信息)' })
export class TenancyFields {
  @Field(() => DateScalar, { description: 'Day the enterprise moved in (入驻日期)' })
  movedInOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day it moved out; null while settled (迁出日期)' })
  movedOutOn?: string;
}

@ObjectType({ description: 'A park an enterprise is or was settled in (入驻园区)' })
export class EnterpriseParkLink extends TenancyFields {
  @Field(() => IndustrialPark, { description: 'The park (园区)' })
  park!: IndustrialPark;
}

registerSqlType({
  name: 'EnterpriseParkLink',
  table: 'park_tenancy',
  key: (t) => `${t}.id`,
  fields: {
    park: { kind: 'one', type: 'IndustrialPark', source: (t, c) => `industrial_park ${c} where ${c}.id = ${t}.park_id` },
    movedInOn: col('moved_in_on'),
    movedOutOn: col('moved_out_on'),
  },
});

