import { fitDecimal } from '../../graphql/decimal';
import type { Path, Problems } from '../../graphql/payload';
import { textProblem } from '../../graphql/text';
import type { StoredReason } from './warehouse-filing.entity';
import { AREA_MAX, DOCUMENTS_MAX, REASON_TEXT_MAX, REASONS_MAX, REFERENCE_MAX, TITLE_MAX } from './filing.bounds';
import type { FilingDocumentInput } from './filing.inputs';
import type { FilingErrorCode } from './filing.errors';

/*
 * The checks of what operators and customs offices send (pure, so filing.validation.spec.ts pins
 * them): every problem is reported with its path, not just the first.
 */

type P = Problems<FilingErrorCode>;

export const OFFICE_CODE = /^\d{4}$/;
const SHA256 = /^[0-9a-fA-F]{64}$/;

/** A text of at most `max` characters: not empty, no control characters (tabs and line breaks only where `freeText`). */
export function checkText(p: P, path: Path, v: string, max: number, freeText = false): string | undefined {
  const t = v.trim();
  if (t === '') return void p.add(path, `${path[path.length - 1]} must not be empty`);
  const problem = textProblem(t, { max, freeText });
  if (problem) return void p.add(path, `${path[path.length - 1]} ${problem}`);
  return t;
}

/** A floor area in m²: a decimal above 0 and at most AREA_MAX, up to 2 decimals, as a canonical string. */
export function checkArea(p: P, path: Path, v: string): string | undefined {
  const fit = fitDecimal(v.trim(), { precision: 12, scale: 2 });
  if (fit.error !== undefined) return void p.add(path, `areaM2 ${fit.error}`);
  const n = Number(fit.value);
  if (!(n > 0) || n > AREA_MAX) return void p.add(path, `areaM2 must be above 0 and at most ${AREA_MAX} m² (got ${v})`);
  return fit.value;
}

/** A customs district code: four digits (whether an office has it is looked up afterwards). */
export function checkOfficeCode(p: P, path: Path, v: string): string | undefined {
  const code = v.trim();
  if (!OFFICE_CODE.test(code)) return void p.add(path, `"${code.slice(0, 20)}" is not a customs district code (关区代码: four digits, e.g. 8000)`);
  return code;
}

export interface CheckedDocument {
  kind: string;
  title: string;
  reference: string;
  sha256: string | null;
}

/** 1–DOCUMENTS_MAX documents, each with a title, a reference (an https URL or a number) and an optional SHA-256. */
export function checkDocuments(p: P, path: Path, docs: readonly FilingDocumentInput[]): CheckedDocument[] {
  if (docs.length === 0 || docs.length > DOCUMENTS_MAX) p.add(path, `documents must list 1 to ${DOCUMENTS_MAX} documents (got ${docs.length})`);
  const out: CheckedDocument[] = [];
  docs.slice(0, DOCUMENTS_MAX).forEach((d, i) => {
    const at = [...path, String(i)];
    const title = checkText(p, [...at, 'title'], d.title, TITLE_MAX);
    const reference = checkText(p, [...at, 'reference'], d.reference, REFERENCE_MAX);
    if (reference !== undefined && /^[a-z][a-z0-9+.-]*:/i.test(reference) && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(reference)) {
      p.add([...at, 'reference'], 'reference must be an https:// URL or a document number (other links are not accepted)');
    }
    let sha256: string | null = null;
    if (d.sha256 != null) {
      if (!SHA256.test(d.sha256)) p.add([...at, 'sha256'], 'sha256 must be 64 hexadecimal digits');
      else sha256 = d.sha256.toLowerCase();
    }
    if (title !== undefined && reference !== undefined) out.push({ kind: d.kind, title, reference, sha256 });
  });
  return out;
}

/** Reasons of a return (1–REASONS_MAX) or of a revocation (one), each with the authority's words. */
export function checkReasons(p: P, path: Path, reasons: readonly { code: string; textZh: string; textEn?: string | null }[]): StoredReason[] {
  if (reasons.length === 0 || reasons.length > REASONS_MAX) p.add(path, `give 1 to ${REASONS_MAX} reasons (got ${reasons.length})`);
  const out: StoredReason[] = [];
  reasons.slice(0, REASONS_MAX).forEach((r, i) => {
    const at = [...path, String(i)];
    const textZh = checkText(p, [...at, 'textZh'], r.textZh, REASON_TEXT_MAX, true);
    const textEn = r.textEn == null ? null : checkText(p, [...at, 'textEn'], r.textEn, REASON_TEXT_MAX, true);
    if (textZh !== undefined && textEn !== undefined) out.push({ code: r.code, textZh, textEn });
  });
  return out;
}
