/**
 * Star levels of the national volunteer-record rules (志愿服务记录与证明出具办法): 100, 300, 600,
 * 1,000 and 1,500 cumulative confirmed hours mark one to five stars.
 */
export const STAR_HOURS = [100, 300, 600, 1000, 1500] as const;

export interface StarLevel {
  /** 0–5. */
  stars: number;
  /** Confirmed hours still needed for the next star; null at five stars. */
  hoursToNextStar: number | null;
}

export function starLevel(cumulativeHours: number): StarLevel {
  const stars = STAR_HOURS.filter((h) => cumulativeHours >= h).length;
  const next = STAR_HOURS[stars];
  // Hours come in halves, so the difference is exact; the rounding only guards a sum of many.
  return { stars, hoursToNextStar: next === undefined ? null : Math.round((next - cumulativeHours) * 10) / 10 };
}

const STAR_NAMES = ['', '一星', '二星', '三星', '四星', '五星'];

/** '三星志愿者', or '' below one star. */
export function starTitle(stars: number): string {
  return stars > 0 ? `${STAR_NAMES[stars]}志愿者` : '';
}
