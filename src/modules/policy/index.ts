import type { ModuleManifest } from '../../manifest';
import { PolicyMeasure } from './policy-measure.entity';
import { PolicyProvision } from './policy-provision.entity';
import { PolicyTarget } from './policy-target.entity';
import { policyResolvers } from './policy.resolver';
import { policyMeasuresImport, policyProvisionsImport, policyTargetsImport } from './policy.import';
import { policyDocument, policyMeasuresDataset, policyProvisionsDataset, policyTargetsDataset } from './policy.dataset';

/** The policy module (see src/manifest.ts). */
export const policyModule: ModuleManifest = {
  name: 'policy',
  datasets: [policyMeasuresDataset, policyProvisionsDataset, policyTargetsDataset],
  documents: [policyDocument],
  entities: [PolicyMeasure, PolicyProvision, PolicyTarget],
  resolvers: [...policyResolvers],
  import: [policyMeasuresImport, policyProvisionsImport, policyTargetsImport],
};
