import type { ModuleManifest } from '../../manifest';
import { publishSeatReservationExpiring } from './reservation.events';
import { SeatReservationSubscriptions } from './reservation.subscriptions';
import { TalentBase, TalentProgramme } from './talent-base.entity';
import { talentResolvers } from './talent.resolver';
import { TalentBase as TalentBaseType } from './talent.types';
import { talentBasesImport, talentCohortsImport } from './talent.import';
import { talentScale } from './talent.scale';
import { SeatReservation, TalentCohort } from './talent-cohort.entity';
import { TalentCohort as TalentCohortType } from './talent-cohort.types';
import { cohortResolvers } from './cohort.resolver';
import { holdSweeper } from '../../matching/holds';
import { SEAT_RESERVATIONS } from './reservation.service';
import { TalentMatchResolver } from './match.resolver';
import { TALENT } from './talent.profile';
import { talentBasesDataset, talentCohortsDataset } from './talent.dataset';

/** The talent module (see src/manifest.ts). */
export const talentModule: ModuleManifest = {
  name: 'talent',
  datasets: [talentBasesDataset, talentCohortsDataset],
  entities: [TalentBase, TalentProgramme, TalentCohort, SeatReservation],
  resolvers: [...talentResolvers, ...cohortResolvers, TalentMatchResolver, SeatReservationSubscriptions],
  profiles: [TALENT],
  import: [talentBasesImport, talentCohortsImport],
  search: [
    { kind: 'TALENT_BASE', type: TalentBaseType, description: '人才基地 — TalentBase' },
    { kind: 'TALENT_COHORT', type: TalentCohortType, description: '培训班期 — TalentCohort' },
  ],
  // Held seat reservations past their expiry give their seats back.
  tasks: [
    holdSweeper({
      task: 'seat-reservation-sweep',
      kind: SEAT_RESERVATIONS,
      what: 'seat reservation',
      onExpiring: (h) => publishSeatReservationExpiring({ reservationId: h.id, enterpriseId: h.holder_id, expiresAt: new Date(h.expires_at).toISOString() }),
    }),
  ],
  scale: talentScale,
};
