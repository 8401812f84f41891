/** The link-local address of cloud metadata services, which answer plain http only on the host itself. */
export const METADATA_ADDRESS = '169.254.169.254'
