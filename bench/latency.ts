/** Latency samples and their percentiles. */

export interface Percentiles {
  p50_ms: number
  p99_ms: number
}

/** The p-th percentile (0–100) of the samples, by the nearest-rank method. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1] ?? NaN
}

const round = (ms: number) => Math.round(ms * 100) / 100

export function percentiles(samples: number[]): Percentiles {
  return { p50_ms: round(percentile(samples, 50)), p99_ms: round(percentile(samples, 99)) }
}

/**
 * Times `run` on each input `rounds` times, after one untimed warm-up round, interleaving inputs
 * so that no input is always measured with a warm cache from its own previous run.
 */
export async function timeEach<T>(
  inputs: T[],
  rounds: number,
  run: (input: T) => unknown,
): Promise<number[]> {
  for (const input of inputs) await run(input)
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    for (const input of inputs) {
      const started = performance.now()
      await run(input)
      samples.push(performance.now() - started)
    }
  }
  return samples
}
