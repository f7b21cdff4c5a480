import { PARK_SITES } from '../../../seeds/sample';
import { SPACE_DESCRIPTIONS, SPACE_PLANS } from '../../../seeds/sample/parks';
import { TradeNamePool } from '../../../seeds/sample/names';
import { isoDate, type ScaleUnit } from '../../db/scale';
import { addDays, todayInChina } from '../matchmaking/matchmaking.validation';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';
import { DRAWN_PARK_SERVICES, ParkDesignation, ParkKind, ParkPublicService, ParkSpaceKindLabels, ParkSpaceStatus } from './park.enums';

const PARK_WORDS: Record<ParkKind, [string, string]> = {
  LOGISTICS_WAREHOUSING: ['跨境电商物流园', 'CBEC Logistics Park'],
  LIVE_STREAMING_BASE: ['跨境直播基地', 'Cross-border Live-streaming Base'],
  PROFESSIONAL_SERVICES: ['跨境电商服务园', 'CBEC Services Park'],
  PLATFORM_COOPERATION: ['跨境电商产业园', 'CBEC Industrial Park'],
};

/**
 * Industrial parks on the sample's real sites (cycled, with jittered coordinates), and the
 * enterprises' tenancies: most firms sit in a park, some moved once, never before the park opened
 * or the firm was founded. With `--park-spaces N`, N spaces to let spread over the parks at random,
 * each of a kind its park's kind lets, sized and priced as the sample's (seeds/sample/parks.ts);
 * nine in ten available, from 120 days before the day of the run to 180 days after it. Spaces are
 * drawn from their own generator, so the parks and tenancies are the same with or without them.
 */
export const parkScale: ScaleUnit = {
  name: 'park',
  after: ['enterprise'],
  tables: ['industrial_park', 'park_tenancy', 'park_space'],
  options: ['parks', 'parkSpaces'],
  async fill(ctx) {
    const parks = ctx.int('parks');
    const firms = ctx.need(SCALE_ENTERPRISES);
    const prng = ctx.rng('scale-parks');
    const parkProgress = ctx.progress('parks + tenancies', parks);
    const park = ctx.table(
      'industrial_park',
      [
        'id',
        'slug',
        'name_zh',
        'name_en',
        'kind',
        'designation',
        'district_code',
        'address_zh',
        'latitude',
        'longitude',
        'area_m2',
        'public_services',
        'opened_year',
        'is_sample',
      ],
      { progress: parkProgress },
    );
    const parkKinds = Object.values(ParkKind);
    const parkOpened: number[] = [0];
    const parkOf: { kind: ParkKind; slug: string; zh: string }[] = [];
    const parkNames = new TradeNamePool(50_000); // a range the enterprises' names do not reach first
    for (let id = 1; id <= parks; id++) {
      const site = PARK_SITES[(id - 1) % PARK_SITES.length];
      const kind = id <= PARK_SITES.length ? site.kind : prng.pick(parkKinds);
      const t = parkNames.next();
      const opened = prng.int(2014, 2024);
      parkOpened.push(opened);
      parkOf.push({ kind, slug: `${t.ascii}-${kind.toLowerCase().replace(/_/g, '-')}-${id}`, zh: `${t.zh}${PARK_WORDS[kind][0]}` });
      const services = new Set<string>();
      for (const s of DRAWN_PARK_SERVICES) if (prng.chance(0.45)) services.add(s);
      // Given by kind, not drawn: the draws (and so every row after them) stay as they were.
      if (kind === ParkKind.LIVE_STREAMING_BASE) services.add(ParkPublicService.LIVE_STREAMING_STUDIO);
      await park.push(
        id,
        `${t.ascii}-${kind.toLowerCase().replace(/_/g, '-')}-${id}`,
        `${t.zh}${PARK_WORDS[kind][0]}`,
        `${t.en} ${PARK_WORDS[kind][1]}`,
        kind,
        prng.weighted([
          [ParkDesignation.NONE, 6],
          [ParkDesignation.MUNICIPAL_CBEC_DEMONSTRATION_ZONE, 3],
          [ParkDesignation.NATIONAL_ECOMMERCE_DEMONSTRATION_BASE, 1],
        ] as const),
        site.districtCode,
        site.addressZh,
        site.lat + prng.real(-0.03, 0.03),
        site.lng + prng.real(-0.03, 0.03),
        prng.int(5, 200) * 1000,
        [...services].sort(),
        opened,
        true,
      );
    }
    await park.flush();
    parkProgress.done();

    const tenProgress = ctx.progress('park tenancies', Math.round(firms.count * 0.85 * 1.17));
    const tenancy = ctx.table('park_tenancy', ['park_id', 'enterprise_id', 'moved_in_on', 'moved_out_on'], { progress: tenProgress, parents: [park] });
    for (let id = 1; id <= firms.count; id++) {
      if (!prng.chance(0.85)) continue;
      const moves = prng.chance(0.17) && parks > 1 ? 2 : 1;
      const p1 = prng.int(1, parks);
      let p2 = prng.int(1, parks - 1);
      if (p2 >= p1) p2++;
      let start = Math.max(firms.founded[id], 2015);
      for (let k = 0; k < moves; k++) {
        const p = k === 0 ? p1 : p2;
        const from = Math.max(start, parkOpened[p]);
        if (from > 2026) break;
        const inYear = prng.int(from, Math.min(2026, from + 3));
        let out: string | null = null;
        if (k === 0 && moves === 2) {
          const outYear = Math.min(2026, inYear + prng.int(1, 3));
          out = isoDate(outYear, outYear === inYear ? 12 : prng.int(1, 10), 28);
          start = outYear;
        }
        await tenancy.push(p, id, isoDate(inYear, prng.int(1, inYear === 2026 ? 10 : 12), prng.int(1, 28)), out);
      }
    }
    await tenancy.flush();
    tenProgress.done();

    const spaces = ctx.int('parkSpaces');
    if (spaces === 0) return;
    const srng = ctx.rng('scale-park-spaces');
    const today = todayInChina();
    const spaceProgress = ctx.progress('park spaces', spaces);
    const space = ctx.table(
      'park_space',
      [
        'id',
        'park_id',
        'ref',
        'name_zh',
        'name_en',
        'description_zh',
        'description_en',
        'kind',
        'area_m2',
        'min_divisible_m2',
        'floor',
        'monthly_rent_per_m2',
        'available_from',
        'min_term_months',
        'status',
        'contact_name',
        'contact_email',
        'contact_phone',
        'is_sample',
      ],
      { progress: spaceProgress, parents: [park] },
    );
    for (let id = 1; id <= spaces; id++) {
      const parkId = srng.int(1, parks);
      const p = parkOf[parkId - 1];
      const plans = SPACE_PLANS[p.kind];
      const [kind, [aLo, aHi], [rLo, rHi], divisible] = srng.pick([...plans.always, ...plans.extra]);
      const area = Math.max(1, Math.round(srng.int(aLo, aHi) / (aHi > 50 ? 10 : 1)) * (aHi > 50 ? 10 : 1));
      const [kindZh, kindEn] = ParkSpaceKindLabels[kind];
      const floor = srng.int(1, 12);
      await space.push(
        id,
        parkId,
        `s${id}`,
        `${p.zh} ${kindZh}${id}（${area}平方米）`,
        `${kindEn} ${id} (${area} m²)`,
        SPACE_DESCRIPTIONS[kind][0],
        SPACE_DESCRIPTIONS[kind][1],
        kind,
        area,
        divisible !== null && divisible < area ? divisible : null,
        floor,
        (srng.int(rLo * 100, rHi * 100) / 100).toFixed(2),
        addDays(today, srng.int(-120, 180)),
        srng.pick([1, 3, 6, 12, 24, 36]),
        srng.chance(0.9) ? ParkSpaceStatus.AVAILABLE : srng.pick([ParkSpaceStatus.LET, ParkSpaceStatus.WITHDRAWN]),
        '招商中心',
        `leasing@${p.slug}.example.cn`,
        `+86 23 6${String(parkId % 1000).padStart(3, '0')} ${String(id % 10000).padStart(4, '0')}`,
        true,
      );
    }
    await space.flush();
    spaceProgress.done();
  },
};
