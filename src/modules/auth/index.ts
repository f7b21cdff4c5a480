import type { ModuleManifest } from '../../manifest';
import { ApiKey } from './api-key.entity';

/** The auth module (see src/manifest.ts). */
export const authModule: ModuleManifest = {
  name: 'auth',
  entities: [ApiKey],
};
