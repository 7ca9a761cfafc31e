-- BM25 needs a passage's length in words; a tsvector knows it as the number of positions.
CREATE FUNCTION tsvector_term_count(tsvector) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT coalesce(sum(greatest(cardinality(positions), 1)), 0)::integer FROM unnest($1) $$;
