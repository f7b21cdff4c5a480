import type { ModuleManifest } from '../../manifest';
import { ChangeCommit, ChangeDatasetState, ChangeFeedState, ChangeLog, ChangeTx } from './change.entity';

/** The change feed (see src/manifest.ts): its tables, the `changes` query and the pruning task. */
export const changesModule: ModuleManifest = {
  name: 'changes',
  entities: [ChangeLog, ChangeTx, ChangeCommit, ChangeDatasetState, ChangeFeedState],
};
