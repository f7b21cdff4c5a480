import type { ModuleManifest } from '../../manifest';
import { changePruner } from './changes.pruner';
import { ChangesResolver } from './changes.resolver';
import { ChangeCommit, ChangeDatasetState, ChangeFeedState, ChangeLog, ChangeTx } from './change.entity';

/** The change feed (see src/manifest.ts): its tables, the `changes` query and the pruning task. */
export const changesModule: ModuleManifest = {
  name: 'changes',
  entities: [ChangeLog, ChangeTx, ChangeCommit, ChangeDatasetState, ChangeFeedState],
  resolvers: [ChangesResolver],
  // Changes older than CHANGE_RETENTION_DAYS are pruned by the leader.
  tasks: [changePruner],
};
