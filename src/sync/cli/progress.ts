import type { SyncProgress } from "../engine/run-sync";
import { progressBar, progressLine, type ProgressSnapshot } from "./render";

/** Where progress goes (process.stderr, or a test's fake). */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

export interface ProgressOptions {
  /** A terminal: one bar, redrawn in place (and every `tickMs`, so the clock moves between pages). Else one line per page. */
  tty: boolean;
  now?: () => number;
  /** Redraw interval of the bar; 0: only on changes. Default 1 s. */
  tickMs?: number;
}

const CLEAR_LINE = "\r\u001b[K";

/**
 * The progress of one run on stderr: a bar redrawn in place on a terminal, else one line per
 * committed page. Other lines (notices, the log) go through `print`, which writes them above
 * the bar instead of through it.
 */
export class ProgressReporter {
  private readonly now: () => number;
  private startedAt: number;
  private baseline = 0;
  private last: SyncProgress | null = null;
  private drawn = false;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly out: ProgressStream,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
  }

  /** The run is taken: the clock starts; `baseline` is what the run had read before (a resumed run). */
  begin(baseline: number): void {
    this.startedAt = this.now();
    this.baseline = baseline;
    const tickMs = this.options.tickMs ?? 1_000;
    if (this.options.tty && tickMs > 0 && !this.ticker) {
      this.ticker = setInterval(() => this.last && this.draw(), tickMs);
      this.ticker.unref();
    }
  }

  get elapsedMs(): number {
    return this.now() - this.startedAt;
  }

  snapshot(progress: SyncProgress): ProgressSnapshot {
    return { pages: progress.pages, counts: progress.counts, total: progress.total, baseline: this.baseline, elapsedMs: this.elapsedMs };
  }

  /** After each committed page. */
  update(progress: SyncProgress): void {
    this.last = progress;
    if (this.options.tty) this.draw();
    else this.out.write(`${progressLine(this.snapshot(progress))}\n`);
  }

  /** A line of its own (without its newline), above the bar on a terminal. */
  print(line: string): void {
    if (this.options.tty && this.drawn) {
      this.out.write(`${CLEAR_LINE}${line}\n`);
      this.draw();
    } else {
      this.out.write(`${line}\n`);
    }
  }

  /** Stops the clock; on a terminal the bar's last state stays on its line. */
  end(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    if (this.options.tty && this.drawn) {
      this.draw();
      this.out.write("\n");
      this.drawn = false;
    }
  }

  private draw(): void {
    if (!this.last) return;
    // A terminal that doesn't say its width (0 under `script`, a serial console) gets 80 columns.
    const columns = this.out.columns && this.out.columns >= 20 ? this.out.columns : 80;
    this.out.write(`${CLEAR_LINE}${progressBar(this.snapshot(this.last), columns)}`);
    this.drawn = true;
  }
}
