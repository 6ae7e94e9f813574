import { formatDuration } from './report';

/** One pass over one file: rows and bytes so far, redrawn on a terminal, one line at the end otherwise. */
export interface ProgressTask {
  update(rows: number, bytesRead: number): void;
  /** `summary` is the plain line printed when not on a terminal (null prints nothing). */
  end(summary: string | null): void;
}

export interface Progress {
  begin(label: string, totalBytes: number): ProgressTask;
}

export const silentProgress: Progress = {
  begin: () => ({ update: () => {}, end: () => {} }),
};

const REDRAW_MS = 200;
const BAR_WIDTH = 24;

/**
 * A progress bar on a terminal (rows, rows/s, and an ETA from the share of bytes read, which for
 * .gz files is the compressed share), plain lines when the output is a file or a pipe.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      begin: () => ({
        update: () => {},
        end: (summary) => {
          if (summary) stream.write(`${summary}\n`);
        },
      }),
    };
  }
  return {
    begin(label, totalBytes) {
      const started = Date.now();
      let lastDraw = 0;
      const draw = (rows: number, bytes: number) => {
        const seconds = Math.max((Date.now() - started) / 1000, 0.001);
        const share = totalBytes > 0 ? Math.min(bytes / totalBytes, 1) : 0;
        const filled = Math.round(share * BAR_WIDTH);
        const eta = share > 0.001 ? formatDuration((seconds / share) * (1 - share)) : '…';
        const text =
          `${label.padEnd(18)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}%` +
          `  ${rows.toLocaleString('en-US')} rows  ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s  ETA ${eta}`;
        stream.write(`\r\x1b[K${text.slice(0, (stream.columns ?? 120) - 1)}`);
      };
      return {
        update(rows, bytes) {
          const now = Date.now();
          if (now - lastDraw < REDRAW_MS) return;
          lastDraw = now;
          draw(rows, bytes);
        },
        end(summary) {
          stream.write('\r\x1b[K');
          if (summary) stream.write(`${summary}\n`);
        },
      };
    },
  };
}
