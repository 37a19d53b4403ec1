import { DateText } from '../../../platform/views/components';
import { renderMarkdownCached } from '../markdown';

export interface ArticleContent {
  id: string;
  kind: 'page' | 'news';
  version: number;
  title: string;
  summary: string;
  body: string;
  image_media_id: string | null;
  image_alt: string | null;
  tags: string[];
  published_at?: Date | null;
  updated_at?: Date | null;
}

/** The body of a page or a news item, as the public sees it (and as the preview shows it). */
export function Article({ content, base }: { content: ArticleContent; base: string }) {
  const html = renderMarkdownCached(`${content.id}:${content.version}`, content.body);
  return (
    <article class="article">
      {content.kind === 'news' && content.published_at ? (
        <p class="card__meta">
          Publié le <DateText date={content.published_at} />
        </p>
      ) : null}
      {content.summary ? <p class="lead">{content.summary}</p> : null}
      {content.image_media_id ? (
        <figure class="figure">
          <img src={`/media/${content.image_media_id}`} alt={content.image_alt ?? ''} />
        </figure>
      ) : null}
      {/* Markdown rendered without raw HTML, unsafe links or images: see markdown.ts. */}
      <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
      {content.tags.length ? <Tags tags={content.tags} base={content.kind === 'news' ? base : undefined} /> : null}
    </article>
  );
}

export function Tags({ tags, base }: { tags: string[]; base?: string | undefined }) {
  return (
    <>
      <p class="visually-hidden">Étiquettes :</p>
      <ul class="tags">
        {tags.map((tag) => (
          <li class="tag">{base !== undefined ? <a href={`${base}/actualites?etiquette=${encodeURIComponent(tag)}`}>{tag}</a> : tag}</li>
        ))}
      </ul>
    </>
  );
}

