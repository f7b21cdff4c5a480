import { addDays, todayInChina } from '../../src/modules/matchmaking/matchmaking.validation';
import { CohortMode, CohortStatus, TalentBaseKind } from '../../src/modules/talent/talent.enums';
import type { TalentBaseRecord, TalentCohortRecord, talentCohortsImport } from '../../src/modules/talent/talent.import';
import type { DatasetOf } from '../../src/import';
import { Rng } from './prng';

/*
 * Sample cohorts of the sample talent bases' programmes, as import records: two to four intakes a
 * programme, on site at the base or online, mostly in Chinese (some in English, Russian, Thai or
 * Vietnamese where the programme is a language one), with fees of Chongqing's short CBEC courses.
 *
 * Dates are relative to the day of seeding (as seeds/matchmaking.ts's offers are), so that a fresh
 * start always has cohorts to reserve: the first intake starts 10–40 days ahead, the next ones
 * every 4–10 weeks. Everything else is deterministic (the same seed gives the same cohorts), and
 * the gaps between start dates are the same whatever the day, so rankings keep their order. Refs
 * (`c1`, `c2` …) do not name the date: re-importing the sample on a later day moves the same cohorts.
 */

export type TalentDataset = DatasetOf<typeof talentCohortsImport>;

/** Languages of the language programmes, by a word of their English name. */
const LANGUAGE_OF: [RegExp, string[]][] = [
  [/Russian/, ['ru', 'zh']],
  [/Vietnamese|Thai/, ['th', 'vi']],
  [/live-selling|advertising/, ['zh', 'en']],
];

/** Cohorts of every programme of `bases`, starting after `today` (China time by default). */
export function makeTalentCohorts(seed: number, bases: readonly TalentBaseRecord[], today = todayInChina()): TalentCohortRecord[] {
  const rng = Rng.for(seed, 'talent-cohorts');
  const out: TalentCohortRecord[] = [];
  for (const b of bases) {
    for (const p of b.programmes ?? []) {
      // Diplomas and micro-majors take one intake a year; short courses two to four.
      const long = p.durationWeeks >= 32;
      const n = long ? 1 : rng.int(2, 4);
      let start = addDays(today, rng.int(10, 40));
      const languages = LANGUAGE_OF.find(([re]) => re.test(p.nameEn))?.[1] ?? ['zh'];
      // Incubators teach short courses online too; universities on campus.
      const online = b.kind !== TalentBaseKind.UNIVERSITY_PROGRAMME && rng.int(0, 2) === 0;
      const fee = long ? rng.int(40, 90) * 100 : rng.int(8, 60) * 100;
      for (let k = 1; k <= n; k++) {
        const mode = online && k % 2 === 0 ? CohortMode.ONLINE : CohortMode.ON_SITE;
        const language = languages[(k - 1) % languages.length];
        const month = Number(start.slice(5, 7));
        out.push({
          baseSlug: b.slug,
          programme: p.nameEn,
          ref: `${b.slug.slice(0, 60)}-${programmeKey(p.nameEn)}-c${k}`,
          nameZh: `${p.nameZh}（${month}月${mode === CohortMode.ONLINE ? '线上' : ''}班）`,
          nameEn: `${p.nameEn}, ${mode === CohortMode.ONLINE ? 'online ' : ''}intake ${k}`,
          startsOn: start,
          endsOn: addDays(start, p.durationWeeks * 7 - 3),
          seats: Math.max(10, Math.round(p.seats / (mode === CohortMode.ONLINE ? 1 : 2))),
          feeCny: String(mode === CohortMode.ONLINE ? Math.round(fee * 0.7) : fee),
          language,
          mode,
          status: CohortStatus.OPEN,
          contact: {
            name: '招生办公室 Admissions office',
            email: `admissions@${b.slug.slice(0, 40)}.example.cn`,
            phone: `+86 23 6${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
          },
          isSample: true,
        });
        start = addDays(start, rng.int(4, 10) * 7);
      }
    }
  }
  return out;
}

/** A short, stable key of a programme's English name (its initials). */
const programmeKey = (nameEn: string) =>
  nameEn
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0])
    .join('')
    .slice(0, 12);
