import { etaMs, formatClock, formatCount, formatDuration, formatRate, ratePerSecond } from "../../sync/cli/render";
import type { ProgressStream } from "../../sync/cli/progress";

const CLEAR_LINE = "\r\u001b[K";
const BAR_WIDTH = 24;

/**
 * How far `npm run seed` is, on stderr: on a terminal one bar redrawn in place as each chunk of
 * clients commits to its transaction (`[████░░]  40%  4,000/10,000 clients  1,234/s  ETA 0:05  0:03`);
 * elsewhere (a pipe, a log, CI) a line at each tenth, so a big seed neither floods a log nor
 * stays silent.
 */
export class SeedProgress {
  private readonly startedAt: number;
  private reportedTenths = 0;
  private drawn = false;

  constructor(
    private readonly out: ProgressStream,
    private readonly options: { tty: boolean; total: number; noun?: string; now?: () => number },
  ) {
    this.startedAt = this.now();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** `done` of the total are written (not yet committed: the seed commits once, at the end). */
  update(done: number): void {
    const { total } = this.options;
    const elapsed = this.now() - this.startedAt;
    const rate = ratePerSecond(done, elapsed);
    const eta = etaMs(done, total, rate);
    const noun = this.options.noun ?? "clients";
    if (this.options.tty) {
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.floor(fraction * BAR_WIDTH);
      const bar = `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}]`;
      const line = `${bar} ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatCount(done)}/${formatCount(total)} ${noun}  ${formatRate(rate)}  ${eta === null ? "ETA –" : `ETA ${formatClock(eta)}`}  ${formatClock(elapsed)}`;
      const columns = this.out.columns && this.out.columns >= 20 ? this.out.columns : 80;
      this.out.write(`${CLEAR_LINE}${line.length > columns ? line.slice(0, columns - 1) : line}`);
      this.drawn = true;
      return;
    }
    const tenths = total > 0 ? Math.floor((done * 10) / total) : 10;
    if (tenths <= this.reportedTenths && done < total) return;
    this.reportedTenths = tenths;
    const parts = [`${formatCount(done)}/${formatCount(total)} ${noun} written`];
    if (rate !== null) parts.push(formatRate(rate).replace("/s", ` ${noun}/s`));
    if (eta !== null && done < total) parts.push(`ETA ${formatDuration(eta)}`);
    this.out.write(`[seed] ${parts.join(", ")}\n`);
  }

  /** Ends the bar's line (the caller then says what was committed). */
  end(): void {
    if (this.drawn) this.out.write("\n");
    this.drawn = false;
  }
}
