import { BELT_SPECS, FIGURE_YEARS, INDUSTRY_DISTRICTS } from '../../../seeds/sample';
import { cents, type ScaleUnit } from '../../db/scale';
import { SCALE_ENTERPRISES } from '../enterprise/enterprise.scale';

/**
 * The seven industrial belts of the sample, with members drawn from the makers and sellers of
 * each industry and figures grown with the dataset (by the square root of its size, so a million
 * firms do not make the belts a thousand times the real ones).
 */
export const beltScale: ScaleUnit = {
  name: 'belt',
  after: ['enterprise'],
  tables: ['industrial_belt', 'industrial_belt_district', 'belt_membership', 'belt_annual_figure'],
  options: [],
  async fill(ctx) {
    const firms = ctx.need(SCALE_ENTERPRISES);
    const brng = ctx.rng('scale-belts');
    const belts = ctx.table('industrial_belt', [
      'id',
      'slug',
      'name_zh',
      'name_en',
      'industry',
      'on_national_transformation_base',
      'transformation_base_name_zh',
      'is_sample',
    ]);
    const districts = ctx.table('industrial_belt_district', ['belt_id', 'district_code'], { parents: [belts] });
    const members = ctx.table('belt_membership', ['belt_id', 'enterprise_id', 'is_anchor'], { parents: [belts] });
    const figures = ctx.table('belt_annual_figure', ['belt_id', 'year', 'import_export_cny'], { parents: [belts] });
    const scale = firms.count / 360;
    for (const [i, b] of BELT_SPECS.entries()) {
      const id = i + 1;
      await belts.push(id, b.slug, b.nameZh, b.nameEn, b.industry, !!b.base, b.base ?? null, true);
      for (const d of INDUSTRY_DISTRICTS[b.industry]) await districts.push(id, d);
      const pool = firms.byIndustry.get(b.industry) ?? [];
      const chosen = brng.sample(pool, Math.min(pool.length, Math.max(8, Math.round(pool.length * 0.3))));
      for (const [k, e] of chosen.entries()) await members.push(id, e, k < 2);
      for (const [k, y] of FIGURE_YEARS.entries()) await figures.push(id, y, cents(b.figures[k] * Math.max(1, Math.sqrt(scale))));
    }
    for (const bulk of [belts, districts, members, figures]) await bulk.flush();
    ctx.note(`belts                      7 belts, ${members.written.toLocaleString('en')} members`);
  },
};
