import { DISTRICT_WEIGHTS } from '../../../seeds/sample';
import { TradeNamePool } from '../../../seeds/sample/names';
import { cents, isoDate, type ScaleUnit } from '../../db/scale';
import { addDays, todayInChina } from '../matchmaking/matchmaking.validation';
import { TalentBaseKind, TalentSpecialty } from './talent.enums';

/**
 * Talent bases (the kinds in turn), each with two to four training programmes starting in 2027;
 * with `--cohorts N`, N cohorts over those programmes, starting 1–365 days after today (China
 * time), one in four online, mostly in Chinese, a few full. Their base, district and specialties
 * are copied by the table's trigger (talent_cohort_copy_base), as for any insert.
 */
export const talentScale: ScaleUnit = {
  name: 'talent',
  after: [],
  tables: ['talent_base', 'talent_programme', 'talent_cohort'],
  options: ['talentBases', 'cohorts'],
  async fill(ctx) {
    const bases = ctx.int('talentBases');
    const trng = ctx.rng('scale-talent');
    const tb = ctx.table('talent_base', [
      'id',
      'slug',
      'name_zh',
      'name_en',
      'kind',
      'host_institution_zh',
      'host_institution_en',
      'district_code',
      'specialties',
      'annual_training_capacity',
      'is_sample',
    ]);
    const tp = ctx.table('talent_programme', ['id', 'base_id', 'name_zh', 'name_en', 'duration_weeks', 'seats', 'next_start_on'], { parents: [tb] });
    /** Programmes as [id, weeks, seats], for the cohorts. */
    const programmes: [number, number, number][] = [];
    const tbNames = new TradeNamePool(150_000);
    const kinds = Object.values(TalentBaseKind);
    const specs = Object.values(TalentSpecialty);
    for (let id = 1; id <= bases; id++) {
      const kind = kinds[(id - 1) % kinds.length];
      const t = tbNames.next();
      const [zh, en] =
        kind === TalentBaseKind.UNIVERSITY_PROGRAMME
          ? [`重庆${t.zh}职业学院`, `Chongqing ${t.en} Vocational College`]
          : kind === TalentBaseKind.TALENT_INCUBATION_CENTRE
            ? [`${t.zh}跨境电商人才孵化中心`, `${t.en} CBEC Talent Incubation Centre`]
            : [`${t.zh}跨境电商实训基地`, `${t.en} CBEC Practical Training Base`];
      await tb.push(
        id,
        `${t.ascii}-${kind.toLowerCase().replace(/_/g, '-')}-${id}`,
        zh,
        en,
        kind,
        zh,
        en,
        trng.weighted(DISTRICT_WEIGHTS),
        trng.sample(specs, trng.int(2, 4)).sort(),
        trng.int(8, 50) * 10,
        true,
      );
      for (let k = 0, n = trng.int(2, 4); k < n; k++) {
        const weeks = trng.pick([4, 6, 8, 12]);
        const seats = trng.int(4, 12) * 5;
        programmes.push([programmes.length + 1, weeks, seats]);
        await tp.push(programmes.length, id, `跨境电商实务课程${k + 1}`, `CBEC practice course ${k + 1}`, weeks, seats, isoDate(2027, trng.int(1, 9), 1));
      }
    }
    await tb.flush();
    await tp.flush();
    const cohorts = ctx.int('cohorts');
    const tc = ctx.table('talent_cohort', [
      'programme_id',
      'ref',
      'name_zh',
      'name_en',
      'starts_on',
      'ends_on',
      'seats',
      'reserved_seats',
      'fee_cny',
      'language',
      'mode',
      'is_sample',
    ]);
    const crng = ctx.rng('scale-talent-cohorts');
    const today = todayInChina();
    for (let i = 1; i <= cohorts; i++) {
      const [programme, weeks, seats] = crng.pick(programmes);
      const starts = addDays(today, crng.int(1, 365));
      const online = crng.int(0, 3) === 0;
      const reserved = crng.int(0, 9) === 0 ? seats : crng.int(0, Math.floor(seats / 2));
      await tc.push(
        programme,
        `c${i}`,
        `跨境电商实务课程（${starts.slice(0, 7)}期${online ? '，线上' : ''}）`,
        `CBEC practice course, ${starts.slice(0, 7)} intake${online ? ' (online)' : ''}`,
        starts,
        addDays(starts, weeks * 7 - 3),
        seats,
        reserved,
        cents(crng.int(8, 120) * 100 * (online ? 0.7 : 1)),
        crng.int(0, 9) < 8 ? 'zh' : crng.pick(['en', 'ru', 'th', 'vi']),
        online ? 'ONLINE' : 'ON_SITE',
        true,
      );
    }
    await tc.flush();
    ctx.note(`talent bases               ${tb.written} bases, ${tp.written} programmes, ${tc.written} cohorts`);
  },
};
