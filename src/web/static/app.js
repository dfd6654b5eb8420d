// quotedb: optional enhancements. Every page works without this script.
// - search-as-you-type: the results update as the search box changes;
// - autocomplete: the speaker and outlet filter boxes suggest names;
// - Enter in the claim box asks (Shift+Enter starts a new line).
;(() => {
  const debounce = (fn, ms) => {
    let timer
    return (...args) => {
      clearTimeout(timer)
      timer = setTimeout(() => fn(...args), ms)
    }
  }

  const form = document.querySelector('form.search')
  const results = document.getElementById('results')
  if (form && results) {
    let latest = 0
    const refresh = debounce(async () => {
      const request = ++latest
      const params = new URLSearchParams(new FormData(form))
      for (const [key, value] of [...params]) if (value === '') params.delete(key)
      const url = `${location.pathname}?${params}`
      try {
        const response = await fetch(url, { headers: { Accept: 'text/html' } })
        const page = new DOMParser().parseFromString(await response.text(), 'text/html')
        // A slower, older answer must not replace a newer one.
        if (request !== latest) return
        const fresh = page.getElementById('results')
        const current = document.getElementById('results')
        if (fresh && current) {
          current.replaceWith(fresh)
          const heading = page.querySelector('h1')
          if (heading) document.querySelector('h1')?.replaceWith(heading)
          document.title = page.title
          history.replaceState(null, '', url)
        }
      } catch {
        // Offline or failed: the form still submits the ordinary way.
      }
    }, 250)
    form.querySelector('input[name="q"]')?.addEventListener('input', refresh)
  }

  for (const input of document.querySelectorAll('input[data-suggest]')) {
    const kind = input.dataset.suggest
    const list = document.getElementById(input.getAttribute('list'))
    if (!list) continue
    input.addEventListener(
      'input',
      debounce(async () => {
        const q = input.value.trim()
        if (q.length < 2) return
        try {
          const response = await fetch(`/api/${kind}?limit=8&q=${encodeURIComponent(q)}`)
          const page = await response.json()
          // The box takes names; a name two of them go by is offered by its slug.
          const counts = new Map()
          for (const item of page.items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1)
          list.replaceChildren(
            ...page.items.map((item) => {
              const option = document.createElement('option')
              option.value = counts.get(item.name) > 1 ? item.slug : item.name
              option.label = item.description ?? item.name
              return option
            }),
          )
        } catch {
          // No suggestions; typing a name still works.
        }
      }, 200),
    )
  }

  const claim = document.querySelector('form.claim textarea')
  claim?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return
    event.preventDefault()
    claim.form?.requestSubmit()
  })
})()
