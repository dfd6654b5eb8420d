/** The machine a benchmark ran on, printed with its numbers. */
import { cpus, totalmem } from 'node:os'

export function machine() {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    memory_gb: Math.round(totalmem() / 1024 ** 3),
  }
}
