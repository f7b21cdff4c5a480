import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { TimestampedEntity } from '../../db/base.entity';

/**
 * A customs district (直属海关关区) by its four-digit district code (关区代码): the first two digits
 * are the direct customs office, the last two `00` for the district itself. Reference data, seeded
 * through the import path (`customs-offices`, seeds/data/customs-offices.ts lists the sources).
 */
@Entity({ tableName: 'customs_office' })
@Index({ name: 'customs_office_updated_at_idx', properties: ['updatedAt'] })
export class CustomsOffice extends TimestampedEntity {
  @PrimaryKey({ type: 'string', length: 4 })
  code!: string;

  @Property({ type: 'string', length: 64 })
  nameZh!: string;

  @Property({ type: 'string', length: 128 })
  nameEn!: string;

  @Property({ type: 'string', length: 64 })
  cityZh!: string;

  @Property({ type: 'string', length: 128 })
  cityEn!: string;
}
