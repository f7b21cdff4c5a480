import type { EntityManager } from '@mikro-orm/core';
import { Seeder } from '@mikro-orm/seeder';
import { seedDatabase } from './index';

/** `npx mikro-orm seeder:run`: reference data and sample data through the import path. */
export class DatabaseSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await seedDatabase(em);
  }
}
