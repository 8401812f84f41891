import { describe, expect, it } from '@jest/globals'
import { safeText } from '../../src/safe-text.ts'

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
