/*
 * The bounds of what operators and customs offices send (checked in filing.validation.ts, every problem
 * reported with its path): texts without control characters, at most the lengths below; area above
 * 0 and at most AREA_MAX m²; 1–DOCUMENTS_MAX documents; 1–REASONS_MAX reasons.
 */
export const AREA_MAX = 5_000_000;
export const DOCUMENTS_MAX = 20;
export const REASONS_MAX = 10;
export const TITLE_MAX = 200;
export const REFERENCE_MAX = 500;
export const ADDRESS_MAX = 300;
export const REASON_TEXT_MAX = 1000;
