import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

/** A stretch of source text with where it came from, before splitting. */
export interface SourceSection {
  text: string;
  page: number | null;
  heading: string | null;
}

export interface ChunkDraft {
  ordinal: number;
  content: string;
  page: number | null;
  heading: string | null;
}

/**
 * Sized for retrieval: about 200 words a chunk, enough to hold one answer, small enough that
 * BM25 scores stay sharp and a prompt holds several; the overlap keeps a sentence that straddles
 * a boundary findable from both sides.
 */
export const CHUNK_SIZE = 1600;
export const CHUNK_OVERLAP = 200;

const splitter = new RecursiveCharacterTextSplitter({
  chunkSize: CHUNK_SIZE,
  chunkOverlap: CHUNK_OVERLAP,
  separators: ['\n\n', '\n', '. ', '? ', '! ', '; ', ', ', ' ', ''],
});

/** Splits sections into chunks that keep their page and heading; ordinals are stable for re-ingest. */
export async function chunkSections(sections: SourceSection[]): Promise<ChunkDraft[]> {
  const drafts: ChunkDraft[] = [];
  for (const section of sections) {
    const text = section.text.trim();
    if (!text) continue;
    for (const piece of await splitter.splitText(text)) {
      const content = piece.trim();
      if (content)
        drafts.push({
          ordinal: drafts.length,
          content,
          page: section.page,
          heading: section.heading,
        });
    }
  }
  return drafts;
}
