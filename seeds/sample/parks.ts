import type { DatasetOf } from '../../src/import';
import { ParkKind, ParkSpaceKind, ParkSpaceKindLabels, ParkSpaceStatus } from '../../src/modules/park/park.enums';
import type { ParkSpaceRecord, parkSpacesImport } from '../../src/modules/park/park-space.import';
import { Rng } from './prng';

/*
 * The sample parks' space to let (园区可租空间), as import records: what each kind of park lets —
 * warehouses (some divisible) and offices in logistics parks, live-streaming studios, showrooms
 * and incubator desks in live-streaming bases, offices and desks in professional-services parks,
 * a mix with standard factory buildings in platform parks — at rents plausible for Chongqing in
 * 2026 (CNY per m² a month: warehouses 22–38, factories 14–24, offices 35–95 by district, studios
 * 70–130 fitted out, desks about 100). Figures, titles and contacts are fictitious sample data.
 *
 * Availability dates are fixed days around the sample's "today" (SAMPLE_TODAY, 2026-11-01), not
 * relative to the day of the run: the same seed gives the same records (and the docs' examples the
 * same answers) whenever it runs. Matching counts availability from the real today, so a space
 * available from a day now past is simply available now, as it would be in a real listing.
 */

/** The park part of the sample dataset added with park space. */
export type ParkSpaceDataset = DatasetOf<typeof parkSpacesImport>;

/** What a sample park site tells the spaces (seeds/sample.ts PARK_SITES). */
interface Site {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: ParkKind;
  districtCode: string;
}

/** Districts where offices rent for more (the city centre and its CBDs). */
const CENTRAL = new Set(['500103', '500157', '500108', '500107']);

/** [kind, area range m², rent range CNY per m² a month, divisible from (m²) or null] */
export type SpacePlan = [ParkSpaceKind, [number, number], [number, number], number | null];

/** What each kind of park lets, first the spaces every such park has, then the extras drawn from. */
export const SPACE_PLANS: Record<ParkKind, { always: SpacePlan[]; extra: SpacePlan[] }> = {
  LOGISTICS_WAREHOUSING: {
    always: [
      [ParkSpaceKind.WAREHOUSE, [2000, 6000], [24, 36], 500],
      [ParkSpaceKind.WAREHOUSE, [600, 1200], [26, 38], null],
      [ParkSpaceKind.OFFICE, [80, 260], [38, 55], null],
    ],
    extra: [
      [ParkSpaceKind.WAREHOUSE, [3000, 10000], [22, 32], 1000],
      [ParkSpaceKind.WAREHOUSE, [400, 900], [28, 38], null],
      [ParkSpaceKind.OFFICE, [150, 400], [35, 50], 100],
      [ParkSpaceKind.SHOWROOM, [200, 500], [40, 60], null],
    ],
  },
  LIVE_STREAMING_BASE: {
    always: [
      [ParkSpaceKind.LIVE_STREAMING_STUDIO, [30, 80], [80, 130], null],
      [ParkSpaceKind.LIVE_STREAMING_STUDIO, [80, 160], [70, 110], null],
      [ParkSpaceKind.INCUBATOR_DESK, [8, 8], [90, 120], null],
    ],
    extra: [
      [ParkSpaceKind.LIVE_STREAMING_STUDIO, [40, 120], [75, 125], null],
      [ParkSpaceKind.OFFICE, [100, 300], [45, 70], null],
      [ParkSpaceKind.SHOWROOM, [150, 400], [55, 85], null],
      [ParkSpaceKind.WAREHOUSE, [300, 800], [30, 42], 100],
    ],
  },
  PROFESSIONAL_SERVICES: {
    always: [
      [ParkSpaceKind.OFFICE, [60, 180], [55, 95], null],
      [ParkSpaceKind.OFFICE, [200, 600], [50, 85], 100],
      [ParkSpaceKind.INCUBATOR_DESK, [6, 10], [95, 130], null],
    ],
    extra: [
      [ParkSpaceKind.OFFICE, [80, 250], [55, 90], null],
      [ParkSpaceKind.SHOWROOM, [100, 300], [60, 90], null],
      [ParkSpaceKind.LIVE_STREAMING_STUDIO, [40, 80], [80, 120], null],
    ],
  },
  PLATFORM_COOPERATION: {
    always: [
      [ParkSpaceKind.OFFICE, [120, 400], [40, 75], null],
      [ParkSpaceKind.WAREHOUSE, [800, 3000], [24, 34], 400],
      [ParkSpaceKind.LIVE_STREAMING_STUDIO, [40, 100], [70, 110], null],
    ],
    extra: [
      [ParkSpaceKind.FACTORY, [1500, 5000], [14, 24], 500],
      [ParkSpaceKind.SHOWROOM, [200, 600], [45, 75], null],
      [ParkSpaceKind.INCUBATOR_DESK, [8, 8], [80, 110], null],
      [ParkSpaceKind.OFFICE, [60, 200], [40, 70], null],
    ],
  },
};

/** Descriptions by kind of space, both languages. */
export const SPACE_DESCRIPTIONS: Record<ParkSpaceKind, [string, string]> = {
  OFFICE: [
    '精装修办公室，配备网络与会议室，可拎包入驻；园区提供工商注册、政策申报等一站式服务。',
    'Fitted-out office with network and meeting rooms, ready to move in; the park offers one-stop registration and policy-application services.',
  ],
  WAREHOUSE: [
    '高标准仓库，层高9米，地面承重3吨/平方米，配卸货平台与消防喷淋，可对接园区报关与分拨服务。',
    'High-standard warehouse, 9 m clear height, 3 t/m² floor load, loading docks and sprinklers; linked to the park’s customs and distribution services.',
  ],
  FACTORY: [
    '标准厂房，层高8米，双回路供电，适合跨境电商产品轻加工与包装。',
    'Standard factory building, 8 m clear height, dual-circuit power, suited to light processing and packing of CBEC goods.',
  ],
  LIVE_STREAMING_STUDIO: [
    '直播间已装修，含灯光、声学处理与千兆专线，可共享园区选品中心与主播培训。',
    'Fitted-out live-streaming studio with lighting, acoustic treatment and a gigabit line; shares the park’s product-selection centre and host training.',
  ],
  SHOWROOM: ['临街展示厅，适合跨境品牌样品展示与采购商接待。', 'Street-facing showroom for CBEC brands’ samples and buyer visits.'],
  INCUBATOR_DESK: [
    '孵化器开放工位，含网络、打印与共享会议室，适合初创跨境电商团队。',
    'Open desk in the incubator with network, printing and shared meeting rooms, for start-up CBEC teams.',
  ],
};

/** Fixed days to be available from, around SAMPLE_TODAY (2026-11-01): most already, some in the coming months. */
const AVAILABLE_FROM = ['2026-06-01', '2026-08-15', '2026-10-01', '2026-11-01', '2026-12-01', '2027-01-15', '2027-03-01', '2027-05-01'];

const ordinal = (n: number) => (n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`);

/** The sample parks' space: three to six spaces each, by kind of park. Same seed, same records. */
export function makeParkSpaces(seed: number, sites: readonly Site[]): ParkSpaceRecord[] {
  const rng = Rng.for(seed, 'park-spaces');
  const out: ParkSpaceRecord[] = [];
  sites.forEach((site, si) => {
    const plan = SPACE_PLANS[site.kind];
    const plans = [...plan.always, ...rng.sample(plan.extra, rng.int(0, 3))];
    const central = CENTRAL.has(site.districtCode) ? 1.15 : 1;
    plans.forEach(([kind, [aLo, aHi], [rLo, rHi], divisible], k) => {
      const area = kind === ParkSpaceKind.INCUBATOR_DESK ? rng.int(aLo, aHi) : Math.round(rng.int(aLo, aHi) / 10) * 10;
      const rent = Math.min(rHi * 1.15, rng.int(rLo, rHi) * (kind === ParkSpaceKind.OFFICE ? central : 1)).toFixed(2);
      const building = `${String.fromCharCode(65 + (k % 4))}${rng.int(1, 6)}`;
      const ground = kind === ParkSpaceKind.WAREHOUSE || kind === ParkSpaceKind.FACTORY || kind === ParkSpaceKind.SHOWROOM;
      const floor = ground ? 1 : rng.int(2, 12);
      const [kindZh, kindEn] = ParkSpaceKindLabels[kind];
      const [descZh, descEn] = SPACE_DESCRIPTIONS[kind];
      out.push({
        parkSlug: site.slug,
        ref: `${building}-${floor}-${String(k + 1).padStart(2, '0')}`,
        nameZh: `${site.nameZh} ${building}栋${floor}楼${kindZh}（${area}平方米）`,
        nameEn: `${kindEn}, Building ${building}, ${ordinal(floor)} floor, ${site.nameEn} (${area} m²)`,
        descriptionZh: divisible ? `${descZh}可分割出租，最小${divisible}平方米。` : descZh,
        descriptionEn: divisible ? `${descEn} Can be let in parts from ${divisible} m².` : descEn,
        kind,
        areaM2: area,
        minDivisibleM2: divisible !== null && divisible < area ? divisible : null,
        floor,
        monthlyRentPerM2: rent,
        availableFrom: rng.pick(AVAILABLE_FROM),
        minTermMonths:
          kind === ParkSpaceKind.INCUBATOR_DESK ? rng.pick([1, 3]) : kind === ParkSpaceKind.LIVE_STREAMING_STUDIO ? rng.pick([3, 6]) : rng.pick([12, 24, 36]),
        // One in ten already let (still listed, so the park's record shows it).
        status: rng.chance(0.1) && k >= plan.always.length ? ParkSpaceStatus.LET : ParkSpaceStatus.AVAILABLE,
        contact: {
          name: `${site.nameZh}招商中心`,
          email: `leasing@${site.slug}.example.cn`,
          phone: `+86 23 6${String(100 + si).padStart(3, '0')} ${String(1000 + k * 7).slice(-4)}`,
        },
        isSample: true,
      });
    });
  });
  return out;
}
