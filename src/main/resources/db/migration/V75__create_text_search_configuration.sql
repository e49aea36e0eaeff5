-- Search folds accents as well as case and stems Indonesian words: a copy of the built-in `indonesian`
-- (Snowball) configuration with `unaccent` in front of the stemmer for words that are not plain ASCII.
-- unaccent() itself cannot go into an index expression; as a dictionary inside a configuration it can.
create extension if not exists unaccent;

create text search configuration warta_indonesian (copy = indonesian);

alter text search configuration warta_indonesian
    alter mapping for word, hword, hword_part with unaccent, indonesian_stem;
