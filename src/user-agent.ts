export const USER_AGENT_PREFIX = 'get-token-action/1'
