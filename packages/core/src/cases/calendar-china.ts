/**
 * Mainland China's working calendar for 2025–2026, re-exported from `@jiceng/core/calendar`
 * (which has every year 2016–2026 as `CHINA_CALENDAR`).
 * @module
 */
export { CHINA_CALENDAR_2025_2026 } from '../calendar/china.js';
