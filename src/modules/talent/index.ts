import type { ModuleManifest } from '../../manifest';
import { TalentBase, TalentProgramme } from './talent-base.entity';
import { talentResolvers } from './talent.resolver';

/** The talent module (see src/manifest.ts). */
export const talentModule: ModuleManifest = {
  name: 'talent',
  entities: [TalentBase, TalentProgramme],
  resolvers: [...talentResolvers],
};
