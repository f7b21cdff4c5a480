import { Trigger } from '@mikro-orm/decorators/legacy';
import { Brand } from '../enterprise/brand.entity';
import { Enterprise } from '../enterprise/enterprise.entity';

/**
 * The fair's copies of an enterprise's names and brands follow them. Exhibitors copy their
 * enterprise's names, and a listing's search text holds its owner's names and brands (each kept by
 * its table's own trigger): a renamed enterprise, or a brand added, changed or removed, touches those
 * rows, so their triggers write the copies again, take the edition's next sync version (an app's
 * offline copy hears of it through fairSync), and `updated_at` moves.
 *
 * Declared here, on the enterprise module's tables, so the enterprise module knows nothing of the
 * fair; the schema diff sees them as the entities' own (src/modules/fair/index.ts imports this file
 * before the ORM discovers the entities). Row triggers: an enterprise only when a name changes; a brand when added, removed, renamed or moved, an index lookup of the owner's listings.
 */
const touchOwner = (id: string) => `update fair_exhibitor set updated_at = now() where enterprise_id = ${id};
    update fair_listing set updated_at = now() where owner_id = ${id};`;

Trigger({
  name: 'fair_enterprise_renamed',
  timing: 'after',
  events: ['update'],
  // The condition in the body, not WHEN: PostgreSQL prints a WHEN back in its own words, which the
  // schema diff would take for a change on every run.
  body: `if new.name_zh is not distinct from old.name_zh and new.name_en is not distinct from old.name_en then return null; end if;
    ${touchOwner('new.id')}
    return null;`,
})(Enterprise);

Trigger({
  name: 'fair_brand_changed',
  timing: 'after',
  events: ['insert', 'update', 'delete'],
  body: `if tg_op = 'UPDATE' and new.name_zh is not distinct from old.name_zh and new.name_en is not distinct from old.name_en
      and new.enterprise_id = old.enterprise_id then return null; end if;
    if tg_op <> 'DELETE' then ${touchOwner('new.enterprise_id')} end if;
    if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.enterprise_id <> new.enterprise_id) then ${touchOwner('old.enterprise_id')} end if;
    return null;`,
})(Brand);
