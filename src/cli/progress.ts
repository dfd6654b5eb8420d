/**
 * Progress of a long command on the terminal: records, rate and time left, redrawn in place on
 * standard error. When standard error is not a terminal nothing is drawn; the command prints a
 * one-line summary at the end instead.
 */

const formatCount = (n: number) => Math.round(n).toLocaleString('en-US')

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?'
  const s = Math.round(seconds)
  const pad = (n: number) => String(n).padStart(2, '0')
  return s >= 3600
    ? `${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`
    : `${Math.floor(s / 60)}:${pad(s % 60)}`
}

export interface Progress {
  /** Reports `records` read so far, and `fraction` of the input done when known. */
  update(records: number, fraction: number | null): void
  /** Clears the line. */
  done(): void
}

export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
  label = 'Importing',
): Progress {
  const started = performance.now()
  let drawn = false
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined }
  return {
    update(records, fraction) {
      const seconds = (performance.now() - started) / 1000
      const rate = seconds > 0 ? records / seconds : 0
      const eta = fraction && fraction > 0 ? seconds * (1 / fraction - 1) : NaN
      const parts = [
        `${label}: ${formatCount(records)} records`,
        `${formatCount(rate)}/s`,
        ...(fraction === null
          ? []
          : [`${Math.min(100, Math.floor(fraction * 100))}%`, `${formatDuration(eta)} left`]),
      ]
      stream.write(`\r\x1b[2K${parts.join(' · ')}`)
      drawn = true
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K')
    },
  }
}
