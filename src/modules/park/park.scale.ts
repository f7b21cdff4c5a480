import { PARK_SITES } from '../../../seeds/sample';
import { TradeNamePool } from '../../../seeds/sample/names';
import { isoDate, type ScaleUnit } from '../../db/scale';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';
import { ParkDesignation, ParkKind, ParkPublicService } from './park.enums';

const PARK_WORDS: Record<ParkKind, [string, string]> = {
  LOGISTICS_WAREHOUSING: ['跨境电商物流园', 'CBEC Logistics Park'],
  LIVE_STREAMING_BASE: ['跨境直播基地', 'Cross-border Live-streaming Base'],
  PROFESSIONAL_SERVICES: ['跨境电商服务园', 'CBEC Services Park'],
  PLATFORM_COOPERATION: ['跨境电商产业园', 'CBEC Industrial Park'],
};

/**
 * Industrial parks on the sample's real sites (cycled, with jittered coordinates), and the
 * enterprises' tenancies: most firms sit in a park, some moved once, never before the park opened
 * or the firm was founded.
 */
export const parkScale: ScaleUnit = {
  name: 'park',
  after: ['enterprise'],
  tables: ['industrial_park', 'park_tenancy'],
  options: ['parks'],
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
    const parkNames = new TradeNamePool(50_000); // a range the enterprises' names do not reach first
    for (let id = 1; id <= parks; id++) {
      const site = PARK_SITES[(id - 1) % PARK_SITES.length];
      const kind = id <= PARK_SITES.length ? site.kind : prng.pick(parkKinds);
      const t = parkNames.next();
      const opened = prng.int(2014, 2024);
      parkOpened.push(opened);
      const services = new Set<string>();
      for (const s of Object.values(ParkPublicService)) if (prng.chance(0.45)) services.add(s);
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
  },
};
