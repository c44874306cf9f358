import { isAsciiText, tokenize } from './text.ts';

const SEED = 0x811c9dc5 | 0;
const PRIME = 0x01000193;

/**
 * Numbers for the distinct tokens of texts (tokenize's words), numbered as first seen. An ASCII text's
 * words are found, lower-cased and looked up by their character codes in an open-addressing table: no
 * lower-cased copy, array or string per word (a Map needed a new string per word and hashed it again;
 * at 3x that was a third of the postings' time). Other text goes through tokenize.
 */
export class TokenNumbers {
  /** Token t is tokens[t]. */
  readonly tokens: string[] = [];
  /** The numbers of the last text's tokens, in order (the first `count` that numberTokens returned). */
  ids = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 12);
  /** Token number + 1 at its hash's slot or after, 0 where empty; at most half full. */
  private slots = new Int32Array(1 << 13);

  /** Numbers the text's tokens into `ids`, in order; returns how many it has. */
  numberTokens(text: string): number {
    let count = 0;
    if (!isAsciiText(text)) {
      for (const word of tokenize(text)) count = this.append(count, this.numberOf(word, 0, word.length, hashOf(word, 0, word.length)));
      return count;
    }
    let start = -1;
    let hash = SEED;
    for (let i = 0; i < text.length; i += 1) {
      const code = wordCode(text.charCodeAt(i));
      if (code >= 0) {
        if (start < 0) {
          start = i;
          hash = SEED;
        }
        hash = Math.imul(hash ^ code, PRIME);
      } else if (start >= 0) {
        count = this.append(count, this.numberOf(text, start, i, hash));
        start = -1;
      }
    }
    if (start >= 0) count = this.append(count, this.numberOf(text, start, text.length, hash));
    return count;
  }

  private append(count: number, id: number): number {
    if (count === this.ids.length) {
      const grown = new Int32Array(count * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[count] = id;
    return count + 1;
  }

  /** The number of text[start, end) lower-cased (ASCII letters), a new one if it is new. */
  private numberOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      const id = entry - 1;
      if (this.hashes[id] === hash && sameToken(this.tokens[id]!, text, start, end)) return id;
    }
  }

  private add(token: string, hash: number, slot: number): number {
    const id = this.tokens.length;
    this.tokens.push(token);
    if (id === this.hashes.length) {
      const grown = new Int32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id + 1;
    if (this.tokens.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.tokens.length; id += 1) {
      let slot = this.hashes[id]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/** The code of an ASCII letter (lower-cased) or digit, -1 for any other character (a separator in ASCII text). */
function wordCode(code: number): number {
  if (code >= 97 ? code <= 122 : code >= 48 && code <= 57) return code;
  if (code >= 65 && code <= 90) return code + 32;
  return -1;
}

/** ASCII upper-case letters lower-cased, any other character as it is. */
function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function hashOf(text: string, start: number, end: number): number {
  let hash = SEED;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), PRIME);
  return hash;
}

function sameToken(token: string, text: string, start: number, end: number): boolean {
  if (token.length !== end - start) return false;
  for (let k = 0; k < token.length; k += 1) if (token.charCodeAt(k) !== lowerCode(text.charCodeAt(start + k))) return false;
  return true;
}
