-- Searches match `search_vector @@ websearch_to_tsquery('warta_indonesian', q)`; GIN answers that from the index.
create index entry_search_vector_idx on entry using gin (search_vector);
