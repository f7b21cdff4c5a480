import { textProblem } from '../../graphql/text';
import { INT4_MAX } from '../../graphql/ids';
import { bool, decimal, int, list, oneOf, slug, text, year, type RecordOf } from '../../import/fields';
import { defineUnit } from '../../import/unit';
import { TargetMetric } from './policy.enums';

/* The policy's measures (by number) and its 2027 targets, each target under one measure. */

export const policyMeasureFields = {
  number: int({ min: 1, max: 999 }),
  titleZh: text({ max: 128 }),
  titleEn: text({ max: 200 }),
  summaryZh: text({ max: 5000, freeText: true }),
  summaryEn: text({ max: 5000, freeText: true }),
  responsibleUnitsZh: list<string, true>({ nonEmpty: true }),
  /** The same units in English, one for one. */
  responsibleUnitsEn: list<string, true>({
    nonEmpty: true,
    then(en, r) {
      const zh = (r.values.responsibleUnitsZh as unknown[] | undefined) ?? [];
      const enUnits = (en as unknown[] | undefined) ?? [];
      [...zh, ...enUnits].forEach((u) => {
        if (typeof u !== 'string' || u.trim() === '') r.problem('responsibleUnits', 'every unit must be a non-empty string');
        else {
          const problem = textProblem(u, { max: 1000 });
          if (problem) r.problem('responsibleUnits', `"${u.slice(0, 40)}" ${problem}`);
        }
      });
      if (zh.length !== enUnits.length) r.problem('responsibleUnitsEn', `has ${enUnits.length} units but responsibleUnitsZh has ${zh.length}`);
    },
  }),
};

export type PolicyMeasureRecord = RecordOf<typeof policyMeasureFields>;

export const policyMeasuresImport = defineUnit({
  key: 'policyMeasures',
  table: 'policy_measure',
  fields: policyMeasureFields,
  naturalKey: { field: 'number', unique: 'measure number', label: 'policy measure' },
});

/** Metrics counted against a money threshold (and only those have one). */
const WITH_THRESHOLD: ReadonlySet<string> = new Set([TargetMetric.ENTERPRISES_WITH_CBEC_TRANSACTIONS_AT_LEAST, TargetMetric.BELTS_WITH_TRADE_ABOVE]);

export const policyTargetFields = {
  slug: slug({ max: 80 }),
  measureNumber: int({
    min: 1,
    max: 999,
    then(n, r) {
      if (n !== undefined) r.ref('policyMeasures', String(n), 'measureNumber');
    },
  }),
  descriptionZh: text({ max: 5000, freeText: true }),
  descriptionEn: text({ max: 5000, freeText: true }),
  metric: oneOf(TargetMetric, 'TargetMetric'),
  thresholdCny: decimal({
    precision: 18,
    scale: 2,
    optional: true,
    then(threshold, r) {
      const metric = r.values.metric as string | undefined;
      if (!metric) return;
      const given = r.record.thresholdCny != null;
      if (WITH_THRESHOLD.has(metric) && threshold === undefined && !given) r.problem('thresholdCny', `is required for ${metric}`);
      if (!WITH_THRESHOLD.has(metric) && given) r.problem('thresholdCny', `does not apply to ${metric}`);
    },
  }),
  targetValue: int({ min: 0, max: INT4_MAX }),
  /** The count must exceed the target value rather than reach it. */
  strictlyAbove: bool(),
  targetYear: year({ min: 2000 }),
};

export type PolicyTargetRecord = RecordOf<typeof policyTargetFields>;

export const policyTargetsImport = defineUnit({
  key: 'policyTargets',
  table: 'policy_target',
  dependsOn: ['policyMeasures'],
  fields: policyTargetFields,
  naturalKey: { field: 'slug', unique: 'target slug' },
});
