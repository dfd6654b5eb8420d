import { describe, expect, it } from 'vitest'
import { seededQuotedb } from '../helpers'

const { app } = await seededQuotedb()

describe('security headers', () => {
  it('sends a strict content security policy and no-sniff, no-framing headers on every response', async () => {
    for (const path of [
      '/',
      '/claims?q=drones',
      '/speakers/claudia-sheinbaum',
      '/api/quotes?q=drone',
      '/nowhere',
      '/static/style.css',
    ]) {
      const response = await app.request(path)
      const policy = response.headers.get('content-security-policy') ?? ''
      expect(policy, path).toContain("default-src 'self'")
      expect(policy, path).toContain("script-src 'self'")
      expect(policy, path).not.toContain('unsafe-inline')
      expect(policy, path).toContain("frame-ancestors 'none'")
      expect(policy, path).toContain("object-src 'none'")
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('x-frame-options'), path).toBe('DENY')
    }
  })

  it('lets any site read the API, and no other site write to it', async () => {
    const read = await app.request('/api/quotes?q=drone', {
      headers: { Origin: 'https://elsewhere.example' },
    })
    expect(read.headers.get('access-control-allow-origin')).toBe('*')
    const preflight = await app.request('/api/quotes', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://elsewhere.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    })
    expect(preflight.status).toBeLessThan(300)
    const allowed = preflight.headers.get('access-control-allow-methods') ?? ''
    expect(allowed.split(',').map((m) => m.trim())).toEqual(['GET', 'HEAD'])
    // The pages are not opened to other sites at all.
    const page = await app.request('/', { headers: { Origin: 'https://elsewhere.example' } })
    expect(page.headers.get('access-control-allow-origin')).toBeNull()
  })
})
