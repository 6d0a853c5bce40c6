import type { StoryEntities, StoryEntity, StoryPlace } from '../../pipeline/stories/entities/index.js';

/** Most entries shown per kind: a story page is read, not searched. */
const SHOWN = 12;

const countOf = (n: number) => `${n} ${n === 1 ? 'article' : 'articles'}`;

/** Who, where and when: the people, organisations, places and dates the story's articles name. */
export function StoryEntitiesSection({ entities }: { entities: StoryEntities }) {
  const { people, organisations, places, dates } = entities;
  if (!people.length && !organisations.length && !places.length && !dates.length) return null;
  return (
    <section class="entities">
      <h2>Who, where and when</h2>
      <dl>
        <EntityList label="People" kind="people" entries={people} />
        <EntityList label="Organisations" kind="organisations" entries={organisations} />
        <EntityList label="Places" kind="places" entries={places} />
        {dates.length ? (
          <>
            <dt>Dates</dt>
            <dd>
              <ul class="dates">
                {dates.slice(0, SHOWN).map((d) => (
                  <li>
                    <time datetime={d.date}>{d.date}</time> <span class="count">({countOf(d.articles)})</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function EntityList({ label, kind, entries }: { label: string; kind: string; entries: (StoryEntity | StoryPlace)[] }) {
  if (!entries.length) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul class={kind}>
          {entries.slice(0, SHOWN).map((e) => (
            <li dir="auto" data-key={e.key}>
              {e.name}
              {otherName(e) ? <span lang="ar" dir="rtl"> ({otherName(e)})</span> : null}{' '}
              <span class="count">({countOf(e.articles)})</span>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/** A place's Arabic name beside its English one, when the shown name is the English one. */
function otherName(entry: StoryEntity | StoryPlace): string | undefined {
  if (!('names' in entry)) return undefined;
  const arabic = entry.names.ar;
  return arabic && arabic !== entry.name ? arabic : undefined;
}
