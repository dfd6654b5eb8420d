/** Test fixtures: the paragraphs of a plain article, and a page around them. */

/** The nth paragraph of an article about a council's budget: long enough for Readability. */
export const paragraph = (n: number) =>
  `<p>The council met on Tuesday to discuss the budget for the coming year, part ${n}, with many residents speaking at length about buses, roads and schools in the district.</p>`

/** Five such paragraphs. */
export const ARTICLE_BODY = Array.from({ length: 5 }, (_, n) => paragraph(n)).join('')

/** A page with `head` in its head, and the article under an `<h1>` of its own. */
export const newsPage = (head: string, h1 = 'Budget passes', body = ARTICLE_BODY) =>
  `<!DOCTYPE html><html lang="en"><head>${head}</head><body><article><h1>${h1}</h1>${body}</article></body></html>`
