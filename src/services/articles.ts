/**
 * Articles: the text with the offsets of every statement in it.
 */
import { notFound } from '../domain/errors'
import type { Article } from '../domain/types'
import type { ServiceContext } from './context'

/** An article with its body and statements in reading order; 404 when no article has the id. */
export async function getArticle(context: ServiceContext, id: number): Promise<Article> {
  const article = await context.store.getArticle(id)
  if (!article) throw notFound(`No article has the id ${id}.`)
  return article
}
