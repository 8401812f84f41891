// Loaded with --import in one extra, untimed run per path: records every JavaScript file the
// process loads (import and require alike, through module.registerHooks) into $BENCH_PROBE_OUT.
import { registerHooks } from 'node:module'
import { writeFileSync } from 'node:fs'

const loaded = new Set()
registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) loaded.add(url)
    return nextLoad(url, context)
  },
})
process.on('exit', () => writeFileSync(process.env.BENCH_PROBE_OUT ?? '/dev/null', JSON.stringify([...loaded])))
