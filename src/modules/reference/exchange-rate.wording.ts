import type { Bilingual } from '../../matching/profile';

/**
 * A pair's conversion as rateMapSql's map holds it (exchange-rate.sql.ts): the rate used (r), its
 * day (d), its source (s), whether it is sample data (x), the stored rate it inverts (i) and the
 * pivot it goes through (v).
 */
export interface RateInfo {
  r: string;
  d: string;
  s: string;
  x: boolean;
  i: string | null;
  v: string | null;
}

/** A rate as printed: its decimal digits without trailing zeros (1.08000000 → 1.08). */
export const rateText = (v: string) => (v.includes('.') ? v.replace(/\.?0+$/, '') : v);

/**
 * The rate an amount in `from` was converted into `to` at, and what it is: "1.08 EUR→USD (ECB …,
 * 2026-11-30; indicative)". Sample rates say they are sample; an inverted or crossed rate says so.
 * What every explanation of a converted amount says, in both languages (docs/matchmaking.md,
 * "Indicative currency conversion").
 */
export function rateNote(i: RateInfo, from: string, to: string): Bilingual {
  const pair = `${from}→${to}`;
  const how = i.i
    ? { en: `the inverse of ${to}→${from} ${rateText(i.i)}`, zh: `由${to}→${from}汇率${rateText(i.i)}取倒数` }
    : i.v
      ? { en: `through ${i.v}`, zh: `经${i.v}套算` }
      : null;
  const source = i.x ? { en: 'sample rate, not market data', zh: '示例汇率，非市场数据' } : { en: i.s, zh: i.s };
  const en = [how?.en, source.en, i.d].filter(Boolean).join(', ');
  const zh = [how?.zh, source.zh, i.d].filter(Boolean).join('，');
  return { en: `${rateText(i.r)} ${pair} (${en}; indicative)`, zh: `${pair}汇率${rateText(i.r)}（${zh}；仅供参考）` };
}
