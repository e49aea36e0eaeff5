-- Every desk article and related-article stub is one entry.
-- kind: 'article' = pushed by the desk's editors; 'stub' = a related article known so far only by its title.
create sequence entry_id_seq increment by 50;

create table entry (
    id            bigint      primary key default nextval('entry_id_seq'),
    uid           uuid        not null,
    kind          text        not null,
    title         text        not null,
    -- lower-cased, accent- and punctuation-free title: how stubs and re-posted articles are recognised
    title_key     text        not null,
    summary       text,
    content_html  text,
    author        text,
    editor        text,
    reporter      text,
    publisher     text,
    city          text,
    credit        text,
    url           text,
    published_at  timestamptz not null,
    updated_at    timestamptz not null,
    created_at    timestamptz not null default now(),
    -- digest of everything an edit can change; equal digest = nothing to write
    content_hash  text,
    constraint entry_uid_key unique (uid),
    constraint entry_kind_check check (kind in ('article', 'stub')),
    constraint entry_title_not_blank check (btrim(title) <> '')
);

alter sequence entry_id_seq owned by entry.id;

-- one stub per normalised title
create unique index entry_stub_title_key on entry (title_key) where kind = 'stub';
-- a desk article is identified by its title and its publication day in Jakarta (the newsroom's zone)
create unique index entry_article_title_day_key on entry (title_key, ((published_at at time zone 'Asia/Jakarta')::date))
    where kind = 'article';
create index entry_published_idx on entry (published_at desc, id desc);
create unique index entry_url_key on entry (url) where url is not null;
