/**
 * The most frequent English words, all in Postgres's english stop-word list: real text is mostly
 * these, and search drops them, so the synthetic corpus puts them at the top of its Zipf ranks.
 */
export const COMMON_ENGLISH_STOPWORDS =
  `the of and a to in is you that it he was for on are as with his they i at be this have from
or had by but not what all were we when your can said there an each which she do how their if will up other about out
many then them these so some her would him into has more could no my than been who its now did down only any very just
our me most should over such both same few own too off again further once here where why because until while between
through during before after above below under also each those`
    .split(/\s+/)
    .filter(Boolean);
