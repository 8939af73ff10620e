import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A react-hook-form resolver whose zod schema (and zod with it) loads when the form is first used,
 * not with the page: zod is most of a page's own script, and a form's rules are needed only once it is used.
 * `warm` starts the load early (on the form's first focus) so the first submit does not wait for it.
 */
export function lazyZodResolver<T extends FieldValues>(loadSchema: () => Promise<unknown>): { resolver: Resolver<T>; warm: () => void } {
  let loaded: Promise<Resolver<T>> | undefined;
  const load = () =>
    (loaded ??= Promise.all([import("@hookform/resolvers/zod"), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema as Parameters<typeof zodResolver>[0]) as unknown as Resolver<T>,
    ));
  return {
    resolver: async (values, context, options) => (await load())(values, context, options),
    warm: () => void load(),
  };
}
