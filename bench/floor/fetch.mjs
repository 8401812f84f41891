// The floor of the HTTP work: bare Node posting the same IBM Cloud IAM API key request with the
// built-in fetch. No action plumbing at all: no inputs, masking, outputs or summary.
const response = await fetch(`${process.env.BENCH_IAM_URL}/identity/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  body: new URLSearchParams({
    grant_type: 'urn:ibm:params:oauth:grant-type:apikey',
    apikey: process.env.BENCH_API_KEY ?? '',
  }),
})
const body = await response.json()
if (!response.ok || typeof body.access_token !== 'string') throw new Error(`HTTP ${response.status}`)
console.log(`token ${body.access_token.length}`)
