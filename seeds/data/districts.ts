import type { DistrictRecord } from '../../src/modules/reference/reference.import';
import type { DistrictSourceRecord } from '../../src/modules/reference/district.entity';
import { DataConfidence, DistrictKind } from '../../src/modules/reference/reference.enums';

/*
 * County-level divisions of Chongqing (GB/T 2260), from shared/reference/chongqing-facts.md.
 * The 38 current codes are ✔ there. 江北区 and 渝北区 were abolished at the end of 2025 (✔); the
 * code of their successor 两江新区 (500157) rests on one third-party source (~) and says so
 * (confidence SINGLE_SOURCE).
 *
 * Retired county codes are kept because credit codes issued before a change still carry them. The
 * facts give their retirement only as "2011–2016"; the day of each State Council approval (批复,
 * with its number) comes from the yescallop/areacodes history of county-level codes (CC0, compiled
 * from the Ministry of Civil Affairs' code lists and the State Council Gazette), checked against the
 * approval's text where it could be read (2014) and against news of the change otherwise. The day
 * of approval is the successor's first day (`validFrom`) and the day before it the county's last
 * (`validTo`); the local inauguration (挂牌) came weeks later. Where only that one dataset gives the
 * day, `validityConfidence` is SINGLE_SOURCE.
 */

const D = DistrictKind.DISTRICT;
const C = DistrictKind.COUNTY;
const A = DistrictKind.AUTONOMOUS_COUNTY;

/** [code, nameZh, nameEn, kind] of divisions in force that no change since 2011 created. */
const CURRENT: [string, string, string, DistrictKind][] = [
  ['500101', '万州区', 'Wanzhou District', D],
  ['500102', '涪陵区', 'Fuling District', D],
  ['500103', '渝中区', 'Yuzhong District', D],
  ['500104', '大渡口区', 'Dadukou District', D],
  ['500106', '沙坪坝区', 'Shapingba District', D],
  ['500107', '九龙坡区', 'Jiulongpo District', D],
  ['500108', '南岸区', "Nan'an District", D],
  ['500109', '北碚区', 'Beibei District', D],
  ['500113', '巴南区', 'Banan District', D],
  ['500114', '黔江区', 'Qianjiang District', D],
  ['500115', '长寿区', 'Changshou District', D],
  ['500116', '江津区', 'Jiangjin District', D],
  ['500117', '合川区', 'Hechuan District', D],
  ['500118', '永川区', 'Yongchuan District', D],
  ['500119', '南川区', 'Nanchuan District', D],
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

const AREACODES = 'https://github.com/yescallop/areacodes';
const AREACODES_DIFF = (years: string) => `${AREACODES}/blob/master/diff/${years}.diff`;

/** The code lists: the facts file (✔) and the code history (its data files list every code by year). */
const CODE_SOURCES: DistrictSourceRecord[] = [
  { title: '项目参考资料 chongqing-facts.md：重庆市行政区划代码（GB/T 2260）', url: null, note: '代码与名称标为 ✔（见于公开来源）' },
  {
    title: 'yescallop/areacodes：中华人民共和国县级以上行政区划代码历史数据（CC0）',
    url: AREACODES,
    note: '据民政部《中华人民共和国县级以上行政区划代码》逐年整理；代码、名称与起止年份',
  },
];

/** One State Council approval that turned counties into districts. */
interface Change {
  /** The approval's first day in force (its date): the successors' validFrom; the counties' validTo is the day before. */
  on: string;
  /** Last day of the retired codes. */
  lastDay: string;
  validityConfidence: DataConfidence;
  sources: DistrictSourceRecord[];
  /** What changed, in Chinese, for the notes. */
  what: string;
}

const CHANGES = {
  '2011': {
    on: '2011-10-22',
    lastDay: '2011-10-21',
    validityConfidence: DataConfidence.SINGLE_SOURCE,
    what: '国函〔2011〕129号（2011年10月22日）',
    sources: [
      {
        title: '国务院关于同意重庆市调整部分行政区划的批复（国函〔2011〕129号）',
        url: AREACODES_DIFF('2010-2011'),
        note: '撤销万盛区、綦江县设立綦江区，撤销双桥区、大足县设立大足区；文号与日期2011-10-22仅见于此数据集（节选，未见原文）',
      },
      {
        title: '重庆市大足区綦江区正式挂牌成立（经济日报，2011-12-27）',
        url: 'http://msn.finance.sina.com.cn/gdxw/20111227/0512575337.html',
        note: '2011年12月25日、26日挂牌，经国务院批准；证实年份，不载批复日期',
      },
    ],
  },
  '2014': {
    on: '2014-05-02',
    lastDay: '2014-05-01',
    validityConfidence: DataConfidence.VERIFIED,
    what: '国函〔2014〕58号（2014年5月2日）',
    sources: [
      {
        title: '国务院关于同意重庆市调整部分行政区划的批复（国函〔2014〕58号）',
        url: 'https://zh.wikisource.org/wiki/%E5%9B%BD%E5%8A%A1%E9%99%A2%E5%85%B3%E4%BA%8E%E5%90%8C%E6%84%8F%E9%87%8D%E5%BA%86%E5%B8%82%E8%B0%83%E6%95%B4%E9%83%A8%E5%88%86%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92%E7%9A%84%E6%89%B9%E5%A4%8D_(2014%E5%B9%B4)',
        note: '批复原文（维基文库，录自《铜梁年鉴2015》）：2014年5月2日同意撤销璧山县、铜梁县，设立璧山区、铜梁区',
      },
      { title: 'yescallop/areacodes 2013–2014 年代码变更', url: AREACODES_DIFF('2013-2014'), note: '同一文号与日期' },
    ],
  },
  '2015': {
    on: '2015-04-28',
    lastDay: '2015-04-27',
    validityConfidence: DataConfidence.SINGLE_SOURCE,
    what: '国函〔2015〕74号（2015年4月28日）',
    sources: [
      {
        title: '国务院关于同意重庆市调整部分行政区划的批复（国函〔2015〕74号）',
        url: AREACODES_DIFF('2014-2015'),
        note: '撤销潼南县、荣昌县，设立潼南区、荣昌区；文号与日期2015-04-28见于此数据集所录批复（出自维基文库，未另行核对原文）',
      },
      {
        title: '重庆调整部分行政区划 梁平、武隆县撤县设区（中国新闻网，2016-12-03）',
        url: 'http://www.anluw.com/news/136251.html',
        note: '转载：“2015年，重庆撤销潼南县和荣昌县，设立潼南区和荣昌区”；证实年份',
      },
    ],
  },
  '2016-06': {
    on: '2016-06-08',
    lastDay: '2016-06-07',
    validityConfidence: DataConfidence.SINGLE_SOURCE,
    what: '国函〔2016〕99号（2016年6月8日）',
    sources: [
      {
        title: '国务院关于同意重庆市调整部分行政区划的批复（国函〔2016〕99号）',
        url: AREACODES_DIFF('2015-2016'),
        note: '撤销开县，设立开州区；文号与日期2016-06-08见于此数据集所录批复全文（出自维基文库，未另行核对原文）',
      },
      {
        title: '重庆市开州区正式挂牌运行（重庆晚报，2016-07-23）',
        url: 'http://cnenews.com.cn/NewsFile/4352.shtml',
        note: '2016年7月22日挂牌；证实年份，不载批复日期',
      },
    ],
  },
  '2016-11': {
    on: '2016-11-24',
    lastDay: '2016-11-23',
    validityConfidence: DataConfidence.SINGLE_SOURCE,
    what: '国函〔2016〕185号（2016年11月24日）',
    sources: [
      {
        title: '国务院关于同意重庆市调整部分行政区划的批复（国函〔2016〕185号）',
        url: AREACODES_DIFF('2015-2016'),
        note: '撤销梁平县、武隆县，设立梁平区、武隆区；文号与日期2016-11-24仅见于此数据集（节选，未见原文）',
      },
      {
        title: '重庆调整部分行政区划 梁平、武隆县撤县设区（中国新闻网，2016-12-03）',
        url: 'http://www.anluw.com/news/136251.html',
        note: '2016年12月2日市人大常委会据国务院批复作出决定；证实批复在此之前',
      },
    ],
  },
} satisfies Record<string, Change>;

/** [county code, nameZh, nameEn, successor code, successor nameZh, successor nameEn, change] of the counties turned into districts. */
const RETIRED_COUNTIES: [string, string, string, string, string, string, keyof typeof CHANGES][] = [
  ['500222', '綦江县', 'Qijiang County', '500110', '綦江区', 'Qijiang District', '2011'],
  ['500225', '大足县', 'Dazu County', '500111', '大足区', 'Dazu District', '2011'],
  ['500227', '璧山县', 'Bishan County', '500120', '璧山区', 'Bishan District', '2014'],
  ['500224', '铜梁县', 'Tongliang County', '500151', '铜梁区', 'Tongliang District', '2014'],
  ['500223', '潼南县', 'Tongnan County', '500152', '潼南区', 'Tongnan District', '2015'],
  ['500226', '荣昌县', 'Rongchang County', '500153', '荣昌区', 'Rongchang District', '2015'],
  ['500234', '开县', 'Kai County', '500154', '开州区', 'Kaizhou District', '2016-06'],
  ['500228', '梁平县', 'Liangping County', '500155', '梁平区', 'Liangping District', '2016-11'],
  ['500232', '武隆县', 'Wulong County', '500156', '武隆区', 'Wulong District', '2016-11'],
];

/** What else the 2011 districts were made of: 万盛区 and 双桥区, whose codes they took. */
const MERGED_WITH: Record<string, string> = { '500110': '万盛区', '500111': '双桥区' };

/** Why a code existed before its district: 500110 and 500111 were 万盛区 and 双桥区 until 2011. */
const REUSED: Record<string, string> = {
  '500110': '代码500110在2011年10月22日前为万盛区，同日起为綦江区（原万盛区、綦江县）。统一社会信用代码自2015年10月起核发，其中的500110均指綦江区。',
  '500111': '代码500111在2011年10月22日前为双桥区，同日起为大足区（原双桥区、大足县）。统一社会信用代码自2015年10月起核发，其中的500111均指大足区。',
};

/** Code of 两江新区 as an administrative district (~: one third-party source). */
export const LIANGJIANG_CODE = '500157';

/** The 2025 change (✔ in the facts): the month and the first day of the new district. */
const FACTS_2025: DistrictSourceRecord = {
  title: '项目参考资料 chongqing-facts.md：两江新区设为行政区',
  url: null,
  note: '✔ 2025年11月撤销江北区、渝北区，两江新区自2026年1月起为行政区（原江北、渝北大部及北碚部分）；5个镇划归北碚区',
};

const current = (code: string, nameZh: string, nameEn: string, kind: DistrictKind): DistrictRecord => ({
  code,
  nameZh,
  nameEn,
  kind,
  successorCodes: [],
  confidence: DataConfidence.VERIFIED,
  sources: CODE_SOURCES,
});

export const districts: DistrictRecord[] = [
  ...CURRENT.map(([code, nameZh, nameEn, kind]) => current(code, nameZh, nameEn, kind)),
  ...RETIRED_COUNTIES.flatMap(([code, nameZh, nameEn, successor, successorZh, successorEn, key]): DistrictRecord[] => {
    const change: Change = CHANGES[key];
    const from = MERGED_WITH[successor] ? `${MERGED_WITH[successor]}、${nameZh}` : nameZh;
    return [
      {
        ...current(successor, successorZh, successorEn, D),
        validFrom: change.on,
        validityConfidence: change.validityConfidence,
        sources: [...CODE_SOURCES, ...change.sources],
        changeNote: `${change.what}撤销${from}，设立${successorZh}，以原${from}的行政区域为${successorZh}的行政区域。${REUSED[successor] ?? ''}`,
      },
      {
        ...current(code, nameZh, nameEn, C),
        validTo: change.lastDay,
        successorCodes: [successor],
        validityConfidence: change.validityConfidence,
        sources: [...CODE_SOURCES, ...change.sources],
        changeNote: `撤县设区：${change.what}撤销${from}，设立${successorZh}（${successor}），${nameZh}代码${code}最后一日为${change.lastDay}。统一社会信用代码自2015年10月起核发，${change.on < '2015-10-01' ? `不会带${code}` : `其后至${change.lastDay}核发的仍可能带${code}`}。`,
      },
    ];
  }),
  {
    ...current('500105', '江北区', 'Jiangbei District', D),
    validTo: '2025-12-31',
    successorCodes: [LIANGJIANG_CODE],
    validityConfidence: DataConfidence.VERIFIED,
    sources: [...CODE_SOURCES, FACTS_2025],
    changeNote: '2025年11月撤销江北区，其大部并入新设的两江新区（行政区），自2026年1月1日起施行。撤销前核发的统一社会信用代码仍带500105。',
  },
  {
    ...current('500112', '渝北区', 'Yubei District', D),
    validTo: '2025-12-31',
    successorCodes: [LIANGJIANG_CODE, '500109'],
    validityConfidence: DataConfidence.VERIFIED,
    sources: [...CODE_SOURCES, FACTS_2025],
    changeNote: '2025年11月撤销渝北区，其大部并入新设的两江新区（行政区），5个镇划归北碚区，自2026年1月1日起施行。撤销前核发的统一社会信用代码仍带500112。',
  },
  {
    ...current(LIANGJIANG_CODE, '两江新区', 'Liangjiang New Area', D),
    validFrom: '2026-01-01',
    confidence: DataConfidence.SINGLE_SOURCE,
    validityConfidence: DataConfidence.VERIFIED,
    sources: [
      FACTS_2025,
      { title: '项目参考资料 chongqing-facts.md：两江新区行政区划代码', url: null, note: '~ 代码500157仅见于一个第三方来源，未经核实；名称与设立时间为 ✔' },
    ],
    changeNote:
      '2025年11月设立为行政区（由原江北区、渝北区大部及北碚区部分区域组成），自2026年1月1日起施行。行政区划代码500157仅见于一个第三方来源，未经核实。',
  },
].sort((a, b) => a.code.localeCompare(b.code));

/** Codes in force on `day` (YYYY-MM-DD): validFrom (when known) on or before it, validTo (when set) on or after it. */
export function inForceOn(d: DistrictRecord, day: string): boolean {
  return (d.validFrom == null || d.validFrom <= day) && (d.validTo == null || d.validTo >= day);
}

/** Codes in force at the sample's "today" and after (for spreading sample data). */
export const currentDistrictCodes = districts.filter((d) => d.validTo == null).map((d) => d.code);

/** The divisions a district was made from (江北区 and 渝北区 for 两江新区), from their `successorCodes`. */
export function predecessorsOf(code: string): DistrictRecord[] {
  return districts.filter((d) => (d.successorCodes ?? []).includes(code));
}

/**
 * The codes a registering office in `districtCode`'s territory had on `day`: the district itself
 * when in force then, else those of its predecessors that were (both 江北区 and 渝北区 for a
 * 两江新区 firm before 2026). Throws when none was: the data has no such history.
 */
export function registrationRegionsOn(districtCode: string, day: string): string[] {
  const d = districts.find((x) => x.code === districtCode);
  if (!d) throw new Error(`no district ${districtCode}`);
  if (inForceOn(d, day)) return [d.code];
  const before = predecessorsOf(districtCode).filter((p) => inForceOn(p, day));
  if (before.length === 0) throw new Error(`no code of ${districtCode} in force on ${day}`);
  return before.map((p) => p.code);
}

export function districtName(code: string): string {
  const d = districts.find((x) => x.code === code);
  if (!d) throw new Error(`no district ${code}`);
  return d.nameZh;
}
