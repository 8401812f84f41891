import { run } from './main.ts'

await run()
// A request abandoned at the deadline (a server that never answers) must not keep the step alive;
// the grace period lets stdout drain where pipes are asynchronous (Windows).
setTimeout(() => process.exit(), 1000).unref()
