import 'reflect-metadata';
import { ormConfig as baseConfig, type OrmOptions } from './db/mikro-orm.config';
import { ENTITIES } from './composition';
import { toolDatabaseUrl } from './config';

/**
 * MikroORM configuration over every module's entities. The CLI (`npx mikro-orm …`) uses the
 * default export, which reads DATABASE_URL (falling back to the local server's `cbec` database).
 */
export function ormConfig(clientUrl: string, opts: Omit<OrmOptions, 'entities'> = {}) {
  return baseConfig(clientUrl, { ...opts, entities: ENTITIES });
}

export default ormConfig(toolDatabaseUrl());
