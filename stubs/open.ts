// Stand-in for open (stubs/README.md): @azure/identity loads it only to open a browser for
// InteractiveBrowserCredential, which get-token never creates.
export default async function open(): Promise<never> {
  throw new Error(
    'get-token: interactive browser sign-in is not supported (open is replaced by a stub, stubs/open.ts).',
  )
}
