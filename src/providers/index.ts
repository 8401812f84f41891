import { azure } from './azure/index.ts'
import { ibm } from './ibm/index.ts'
import type { Provider } from './provider.ts'

/** Every provider: a new one is a folder under providers/ and a line here. */
export const PROVIDERS: readonly Provider[] = [azure, ibm]
