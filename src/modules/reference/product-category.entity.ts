import { changeFeed } from '../../db/change-capture';
import type { Rel } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';

/** A product category (two levels), used by belts, demands and enterprises' catalogues. */
@changeFeed('product-categories')
@Entity({ tableName: 'product_category' })
@Index({ name: 'product_category_updated_at_idx', properties: ['updatedAt'] })
export class ProductCategory extends TimestampedEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Unique({ name: 'product_category_slug_unique' })
  @Property({ type: 'string', length: 80 })
  slug!: string;

  @Property({ type: 'string', length: 64 })
  nameZh!: string;

  @Property({ type: 'string', length: 128 })
  nameEn!: string;

  @ManyToOne(() => ProductCategory, { nullable: true })
  parent?: Rel<ProductCategory>;
}
