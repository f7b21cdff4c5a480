import { DISTRICT_WEIGHTS } from '../../../seeds/sample';
import { TradeNamePool } from '../../../seeds/sample/names';
import { isoDate, type ScaleUnit } from '../../db/scale';
import { TalentBaseKind, TalentSpecialty } from './talent.enums';

/** Talent bases (the kinds in turn), each with two to four training programmes starting in 2027. */
export const talentScale: ScaleUnit = {
  name: 'talent',
  after: [],
  tables: ['talent_base', 'talent_programme'],
  options: ['talentBases'],
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
    const tp = ctx.table('talent_programme', ['base_id', 'name_zh', 'name_en', 'duration_weeks', 'seats', 'next_start_on'], { parents: [tb] });
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
        await tp.push(
          id,
          `跨境电商实务课程${k + 1}`,
          `CBEC practice course ${k + 1}`,
          trng.pick([4, 6, 8, 12]),
          trng.int(4, 12) * 5,
          isoDate(2027, trng.int(1, 9), 1),
        );
      }
    }
    await tb.flush();
    await tp.flush();
    ctx.note(`talent bases               ${tb.written} bases, ${tp.written} programmes`);
  },
};
