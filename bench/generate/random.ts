// A seeded pseudo-random stream (xoshiro128**, state filled by a string hash through splitmix32),
// so a province of a given size and seed is the same on every machine and in every run. Each table
// draws from its own stream, named after the table: the rows of one table do not depend on how many
// numbers another table happened to draw.

export type Stream = {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [min, max] */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** an item with probability proportional to its weight */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** roughly normal (sum of three uniforms), mean and spread as given */
  around(mean: number, spread: number): number;
};

function hashString(text: string): number {
  // FNV-1a, 32 bits
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function splitmix(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
    return (z ^ (z >>> 15)) >>> 0;
  };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

export function createStream(seed: number, name: string): Stream {
  const fill = splitmix(hashString(`${seed}:${name}`));
  let s0 = fill();
  let s1 = fill();
  let s2 = fill();
  let s3 = fill();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const nextUint = () => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
  const next = () => nextUint() / 4294967296;
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of items) total += weight;
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
    around(mean, spread) {
      return mean + ((next() + next() + next()) / 1.5 - 1) * spread;
    },
  };
}

/**
 * Deterministic ids shaped like UUID version 7 (what the database's uuid(7) default makes), so index
 * sizes and sort orders are realistic: a time prefix that grows with a counter, random tail bits.
 */
export function createIdFactory(seed: number, name: string, baseMs = Date.UTC(2026, 0, 1)) {
  const stream = createStream(seed, `ids:${name}`);
  let counter = 0;
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return (): string => {
    const ms = baseMs + Math.floor(counter / 4096);
    const sequence = counter % 4096;
    counter += 1;
    const time = hex(ms, 12);
    const variant = hex(0x8000 | Math.floor(stream.next() * 0x4000), 4);
    const tail =
      hex(Math.floor(stream.next() * 0x1000000), 6) + hex(Math.floor(stream.next() * 0x1000000), 6);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(sequence, 3)}-${variant}-${tail}`;
  };
}
