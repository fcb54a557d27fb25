/** Exact arithmetic on decimal strings ("12500.00"): BigInt on integers scaled by 10^fraction digits, never floats. */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function parse(value: string): Scaled {
  const match = DECIMAL.exec(value);
  if (!match) throw new TypeError(`"${value}" is not a decimal number`);
  const [, sign, whole, fraction = ""] = match;
  const units = BigInt(whole + fraction);
  return { units: sign ? -units : units, scale: fraction.length };
}

const rescale = (value: Scaled, scale: number): bigint => value.units * 10n ** BigInt(scale - value.scale);

function format(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : "";
  return `${units < 0n ? "-" : ""}${whole}${fraction}`;
}

/** `a - b`, exactly, with as many fraction digits as the longer operand ("100.00" - "0.5" = "99.50"). */
export function subtractDecimal(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  return format(rescale(x, scale) - rescale(y, scale), scale);
}
