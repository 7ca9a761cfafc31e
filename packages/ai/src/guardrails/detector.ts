/** Why the engine stopped a model's answer early. */
export type BlockKind = 'leak' | 'promise' | 'no_answer';

/**
 * Watches a growing answer. `scan` gets the whole text so far each time and returns where
 * forbidden content starts, or null. Detectors may remember how far they have looked.
 */
export interface OutputDetector {
  kind: BlockKind;
  scan(text: string): number | null;
}
