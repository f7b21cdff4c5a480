import type { DistrictRecord } from '../../src/modules/reference/reference.import';
import { DistrictKind } from '../../src/modules/reference/reference.enums';

/*
 * County-level divisions of Chongqing (GB/T 2260), from shared/reference/chongqing-facts.md.
 * The 38 current codes are ✔ there. 江北区 and 渝北区 were abolished at the end of 2025 (✔); the
 * code of their successor 两江新区 (500157) rests on one third-party source (~) and says so.
 * Retired county codes are kept because credit codes issued before a change still carry them; the
 * facts give their retirement only as "2011–2016", so `validTo` stays null and the note says so.
 */

const D = DistrictKind.DISTRICT;
const C = DistrictKind.COUNTY;
const A = DistrictKind.AUTONOMOUS_COUNTY;

/** [code, nameZh, nameEn, kind] of divisions in force. */
const CURRENT: [string, string, string, DistrictKind][] = [
  ['500101', '万州区', 'Wanzhou District', D],
  ['500102', '涪陵区', 'Fuling District', D],
  ['500103', '渝中区', 'Yuzhong District', D],
  ['500104', '大渡口区', 'Dadukou District', D],
  ['500106', '沙坪坝区', 'Shapingba District', D],
  ['500107', '九龙坡区', 'Jiulongpo District', D],
  ['500108', '南岸区', "Nan'an District", D],
  ['500109', '北碚区', 'Beibei District', D],
  ['500110', '綦江区', 'Qijiang District', D],
  ['500111', '大足区', 'Dazu District', D],
  ['500113', '巴南区', 'Banan District', D],
  ['500114', '黔江区', 'Qianjiang District', D],
  ['500115', '长寿区', 'Changshou District', D],
  ['500116', '江津区', 'Jiangjin District', D],
  ['500117', '合川区', 'Hechuan District', D],
  ['500118', '永川区', 'Yongchuan District', D],
  ['500119', '南川区', 'Nanchuan District', D],
  ['500120', '璧山区', 'Bishan District', D],
  ['500151', '铜梁区', 'Tongliang District', D],
  ['500152', '潼南区', 'Tongnan District', D],
  ['500153', '荣昌区', 'Rongchang District', D],
  ['500154', '开州区', 'Kaizhou District', D],
  ['500155', '梁平区', 'Liangping District', D],
  ['500156', '武隆区', 'Wulong District', D],
  ['500229', '城口县', 'Chengkou County', C],
  ['500230', '丰都县', 'Fengdu County', C],
  ['500231', '垫江县', 'Dianjiang County', C],
  ['500233', '忠县', 'Zhong County', C],
  ['500235', '云阳县', 'Yunyang County', C],
  ['500236', '奉节县', 'Fengjie County', C],
  ['500237', '巫山县', 'Wushan County', C],
  ['500238', '巫溪县', 'Wuxi County', C],
  ['500240', '石柱土家族自治县', 'Shizhu Tujia Autonomous County', A],
  ['500241', '秀山土家族苗族自治县', 'Xiushan Tujia and Miao Autonomous County', A],
  ['500242', '酉阳土家族苗族自治县', 'Youyang Tujia and Miao Autonomous County', A],
  ['500243', '彭水苗族土家族自治县', 'Pengshui Miao and Tujia Autonomous County', A],
];

/** Retired county codes (✔ as retired 2011–2016) → the district that replaced each. */
const RETIRED_COUNTIES: [string, string, string, string][] = [
  ['500222', '綦江县', 'Qijiang County', '500110'],
  ['500223', '潼南县', 'Tongnan County', '500152'],
  ['500224', '铜梁县', 'Tongliang County', '500151'],
  ['500225', '大足县', 'Dazu County', '500111'],
  ['500226', '荣昌县', 'Rongchang County', '500153'],
  ['500227', '璧山县', 'Bishan County', '500120'],
  ['500228', '梁平县', 'Liangping County', '500155'],
  ['500232', '武隆县', 'Wulong County', '500156'],
  ['500234', '开县', 'Kai County', '500154'],
];

/** Code of 两江新区 as an administrative district (~: one third-party source). */
export const LIANGJIANG_CODE = '500157';

export const districts: DistrictRecord[] = [
  ...CURRENT.map(([code, nameZh, nameEn, kind]) => ({ code, nameZh, nameEn, kind, successorCodes: [] })),
  {
    code: '500105',
    nameZh: '江北区',
    nameEn: 'Jiangbei District',
    kind: D,
    validTo: '2025-12-31',
    successorCodes: [LIANGJIANG_CODE],
    changeNote: '2025年11月撤销江北区，其大部并入新设的两江新区（行政区），自2026年1月1日起施行。撤销前核发的统一社会信用代码仍带500105。',
  },
  {
    code: '500112',
    nameZh: '渝北区',
    nameEn: 'Yubei District',
    kind: D,
    validTo: '2025-12-31',
    successorCodes: [LIANGJIANG_CODE, '500109'],
    changeNote: '2025年11月撤销渝北区，其大部并入新设的两江新区（行政区），5个镇划归北碚区，自2026年1月1日起施行。撤销前核发的统一社会信用代码仍带500112。',
  },
  {
    code: LIANGJIANG_CODE,
    nameZh: '两江新区',
    nameEn: 'Liangjiang New Area',
    kind: D,
    validFrom: '2026-01-01',
    successorCodes: [],
    changeNote:
      '2025年11月设立为行政区（由原江北区、渝北区大部及北碚区部分区域组成），自2026年1月1日起施行。行政区划代码500157仅见于一个第三方来源，未经核实。',
  },
  ...RETIRED_COUNTIES.map(([code, nameZh, nameEn, successor]) => ({
    code,
    nameZh,
    nameEn,
    kind: C,
    validTo: null,
    successorCodes: [successor],
    changeNote: `撤县设区，代码于2011–2016年间停用（具体日期未核实），由${CURRENT.find((c) => c[0] === successor)![1]}（${successor}）承继。此前核发的统一社会信用代码仍可能带${code}。`,
  })),
];

/** Codes in force today (for spreading sample data). */
export const currentDistrictCodes = districts.filter((d) => !d.validTo && !RETIRED_COUNTIES.some((r) => r[0] === d.code)).map((d) => d.code);

/** Current district → the retired county code it replaced (old firms' credit codes may carry it). */
export const retiredCodeOf: Record<string, string> = Object.fromEntries(RETIRED_COUNTIES.map(([code, , , successor]) => [successor, code]));

export function districtName(code: string): string {
  const d = districts.find((x) => x.code === code);
  if (!d) throw new Error(`no district ${code}`);
  return d.nameZh;
}
