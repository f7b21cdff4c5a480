import { holdSweeper } from '../../matching/holds';
import { CAPACITY_HOLDS } from './hold.ending';
import { publishHoldExpiring } from './matchmaking.events';

/**
 * Every few seconds: expired holds give their quantity back (one statement), and holds about to
 * expire are announced once to their holder (HOLD_EXPIRING). The generic hold sweeper
 * (src/matching/holds.ts) over capacity holds.
 */
export const capacityHoldSweeper = holdSweeper({
  task: 'hold-sweep',
  kind: CAPACITY_HOLDS,
  what: 'hold',
  onExpiring: (h) => publishHoldExpiring({ holdId: h.id, holderId: h.holder_id, expiresAt: new Date(h.expires_at).toISOString() }),
});
