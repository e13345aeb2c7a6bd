/**
 * A share in per cent with one decimal, rounded half up (四舍五入) in integer arithmetic, as
 * the reports print them: 201/400 → 50.3, 1/8 → 12.5, 1/3 → 33.3. Null when there is no whole.
 * Floating point would turn 50.25 into 50.2 for some counts; integers never do.
 */
export function percentOneDecimal(part: number, whole: number): number | null {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0 || whole < 0) {
    throw new RangeError(`counts must be non-negative integers: ${part}/${whole}`);
  }
  if (whole === 0) return null;
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole));
  return tenths / 10;
}
