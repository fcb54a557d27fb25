import { badUserInput } from "../errors";

/** Every list's `first` must be a whole number from 1 to `max`; anything else is BAD_USER_INPUT. */
export function assertPageSize(first: number | null | undefined, max: number, argument = "first"): number {
  if (first == null || !Number.isInteger(first) || first < 1 || first > max) {
    throw badUserInput(`${argument} must be between 1 and ${max}`, argument);
  }
  return first;
}
