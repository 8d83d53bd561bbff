/** A seeded uniform random source (Mersenne Twister from @stdlib), so every statistic is repeatable. */
import mt19937 from '@stdlib/random-base-mt19937';

/** A function returning uniform numbers in [0, 1). */
export type Uniform = () => number;

/** A seeded uniform generator. */
export function seededUniform(seed: number): Uniform {
  const generator = mt19937.factory({ seed: (Math.abs(Math.trunc(seed)) % 4294967295) + 1 });
  return () => generator() / 4294967296;
}
