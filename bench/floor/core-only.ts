// The floor of any JavaScript action: load @actions/core and set one output. Built with ncc by
// bench.ts (same options as the action's build) into bench/.build/core-only.
import * as core from '@actions/core'

core.setOutput('token', 'floor')
