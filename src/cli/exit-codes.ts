// The exit codes (SPEC 2.2): a leaf, so that the catalogue (which words them in the manual) imports no failure handling.
export const EXIT = { ok: 0, refused: 1, usage: 2, overdue: 3, interrupted: 130 } as const;
