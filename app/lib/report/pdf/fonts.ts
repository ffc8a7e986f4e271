/**
 * The report PDF's fonts, in `static/fonts/` (served at /fonts/, precached for offline use), tried in
 * this order per character: DejaVu Sans (Latin, Greek, Cyrillic, Arabic, Hebrew; Bitstream Vera
 * licence) then Droid Sans Fallback (CJK; Apache 2.0).
 */
export const REPORT_FONT_FILES = ['DejaVuSans.ttf', 'DroidSansFallbackFull.ttf'] as const;
