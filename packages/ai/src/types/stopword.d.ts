// The stopword package ships no types; these are the lists we use.
declare module 'stopword' {
  export const eng: string[];
  export const swe: string[];
  export const nob: string[];
  export const dan: string[];
  export const deu: string[];
}
