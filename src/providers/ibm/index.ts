import { defineProvider } from '../provider.ts'
import { readIbmConfig } from './config.ts'
import { describeIbmToken } from './facts.ts'
import { IBM_AUTH_TYPES, IBM_INPUTS } from './inputs.ts'
import { getIbmToken } from './token.ts'

/** IBM Cloud IAM: API keys, trusted profiles, compute resource tokens. */
export const ibm = defineProvider({
  name: 'ibm',
  label: 'IBM Cloud IAM',
  authTypes: IBM_AUTH_TYPES,
  inputs: IBM_INPUTS,
  readConfig: readIbmConfig,
  getToken: getIbmToken,
  describe: describeIbmToken,
})
