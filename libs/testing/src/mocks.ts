/**
 * A jest mock of one repository method, typed as the method: a unit spec
 * stands a repository in with these and checks what the service asked of it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function mockOf<F extends (...args: any[]) => any>(impl: F): jest.MockedFunction<F> {
  return jest.fn(impl) as unknown as jest.MockedFunction<F>;
}
