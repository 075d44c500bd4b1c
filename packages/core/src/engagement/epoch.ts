/**
 * How many times members reported (or reported again) into each engagement state object.
 * A member who reports again replaces their record without changing `members.size`, so the
 * suggester's cached index is checked against this count, not the size. Internal: not
 * re-exported from the engagement entry.
 * @module
 */

const epochs = new WeakMap<object, number>();

/** The count of member reports folded into `s`. @internal */
export function memberEpoch(s: object): number {
  return epochs.get(s) ?? 0;
}

/** Counts one member report into `s` (the fold calls it on `memberReported`). @internal */
export function bumpMemberEpoch(s: object): void {
  epochs.set(s, (epochs.get(s) ?? 0) + 1);
}
