// A compile-time check that a response schema names exactly the fields its producer returns.
// The response serializer drops fields a schema does not name; a field named in the schema and
// not returned fails at run time. With this check both show up as a type error instead.

/** Objects become their keys (recursively), arrays their element; values and dates are leaves. */
type Shape<T> = T extends Date
  ? 'value'
  : T extends readonly (infer E)[]
    ? Shape<NonNullable<E>>[]
    : T extends object
      ? { [K in keyof T]-?: Shape<NonNullable<T[K]>> }
      : 'value';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * `sameShape<z.output<typeof schema>, ReturnedType>()` compiles only when both have the same
 * fields at every depth. Types of values are checked at run time by the serializer.
 */
export function sameShape<A, B>(
  ..._proof: Equal<Shape<A>, Shape<B>> extends true ? [] : [{ schema: Shape<A>; returned: Shape<B> }]
): void {}
