import { run } from './main.ts'

await run()
// A request abandoned at the deadline (a server that never answers) must not keep the step alive.
process.exit()
