import { afterEach, describe, expect, it } from '@jest/globals'
import { redactServerTextWith, safeText } from '../../src/safe-text.ts'

describe('safeText', () => {
  it('cannot start a workflow command', () => {
    const hostile = 'oops\n::set-env name=PATH::/tmp\r\n::add-mask::x\n##[set-output name=a]b'
    const safe = safeText(hostile)
    expect(safe).not.toMatch(/[\r\n]/)
    expect(safe).not.toContain('::')
    expect(safe).not.toContain('##[')
  })
  it('removes ANSI escapes and control characters', () => {
    expect(safeText('\u001b[31mred\u001b[0m\u0007 text\u202e')).toBe('red text')
  })
  it('cuts long text', () => {
    const safe = safeText('x'.repeat(1_000_000))
    expect(safe.length).toBeLessThan(1100)
    expect(safe.endsWith('(cut)')).toBe(true)
  })
})

describe("safeText with the run's redactor", () => {
  afterEach(() => redactServerTextWith(text => text))

  it('redacts a secret before cutting, so none of it straddles the cut', () => {
    const secret = 'S3cr3t-V4lue-0123456789'
    redactServerTextWith(text => text.split(secret).join('***'))
    const safe = safeText(`${'x'.repeat(990)}${secret} and more`)
    for (let i = 0; i + 5 <= secret.length; i++) expect(safe).not.toContain(secret.slice(i, i + 5))
  })
})
