import type { ModuleManifest } from '../../manifest';
import { TalentBase, TalentProgramme } from './talent-base.entity';
import { talentResolvers } from './talent.resolver';
import { TalentBase as TalentBaseType } from './talent.types';
import { talentBasesImport } from './talent.import';
import { talentScale } from './talent.scale';

/** The talent module (see src/manifest.ts). */
export const talentModule: ModuleManifest = {
  name: 'talent',
  entities: [TalentBase, TalentProgramme],
  resolvers: [...talentResolvers],
  import: [talentBasesImport],
  search: [{ kind: 'TALENT_BASE', type: TalentBaseType, description: '人才基地 — TalentBase' }],
  scale: talentScale,
};
