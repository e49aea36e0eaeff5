-- The lead image of an article page (og:image), absolute; published as an Atom/RSS enclosure.
alter table entry add column image_url text;
