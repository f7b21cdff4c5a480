import type { ModuleManifest } from '../../manifest';
import { PolicyMeasure } from './policy-measure.entity';
import { PolicyTarget } from './policy-target.entity';
import { policyResolvers } from './policy.resolver';
import { policyMeasuresImport, policyTargetsImport } from './policy.import';
import { policyDocument, policyMeasuresDataset, policyTargetsDataset } from './policy.dataset';

/** The policy module (see src/manifest.ts). */
export const policyModule: ModuleManifest = {
  name: 'policy',
  datasets: [policyMeasuresDataset, policyTargetsDataset],
  documents: [policyDocument],
  entities: [PolicyMeasure, PolicyTarget],
  resolvers: [...policyResolvers],
  import: [policyMeasuresImport, policyTargetsImport],
};
