/**
 * A provider's fixes keyed by the codes its service sends (AADSTS7000215, BXNIM0415E), and where a
 * code means something else for one auth type. Every provider's hints.ts exports one.
 */
export interface CodeHints<A extends string> {
  byCode: Readonly<Record<string, string>>
  byAuthType: Partial<Record<A, Readonly<Record<string, string>>>>
}

/** The fix for a service's `code` under `authType`, if the provider knows one. */
export function hintFor<A extends string>(
  hints: CodeHints<A>,
  code: string | undefined,
  authType: A,
): string | undefined {
  if (!code) return undefined
  // Own keys only: a service's code such as "constructor" must not find Object's.
  const own = (table: Readonly<Record<string, string>> | undefined) =>
    table && Object.hasOwn(table, code) ? table[code] : undefined
  return own(hints.byAuthType[authType]) ?? own(hints.byCode)
}
