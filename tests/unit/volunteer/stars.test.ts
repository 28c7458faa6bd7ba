import { starLevel, starTitle } from '../../../src/core/volunteer/stars';

describe('volunteer star levels (100 / 300 / 600 / 1,000 / 1,500 cumulative hours)', () => {
  it.each([
    [0, 0, 100],
    [99.5, 0, 0.5],
    [100, 1, 200],
    [299.5, 1, 0.5],
    [300, 2, 300],
    [600, 3, 400],
    [999.5, 3, 0.5],
    [1000, 4, 500],
    [1499.5, 4, 0.5],
  ])('%s hours: %s stars, %s to the next', (hours, stars, toNext) => {
    expect(starLevel(hours)).toEqual({ stars, hoursToNextStar: toNext });
  });

  it('stops at five stars with nothing further to reach', () => {
    expect(starLevel(1500)).toEqual({ stars: 5, hoursToNextStar: null });
    expect(starLevel(4321.5)).toEqual({ stars: 5, hoursToNextStar: null });
  });

  it('names the level, and nothing below one star', () => {
    expect(starTitle(0)).toBe('');
    expect(starTitle(1)).toBe('一星志愿者');
    expect(starTitle(5)).toBe('五星志愿者');
  });
});
