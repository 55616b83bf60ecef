import { SingleBar } from 'cli-progress';

/**
 * One progress bar for long work, on stderr so stdout stays parseable. On a terminal it is a live
 * bar; otherwise (CI, pipes, logs) a line each time the step changes or passes another 25 %.
 */
export class Progress {
  private bar: SingleBar | null = null;
  private step = '';
  private lastQuarter = -1;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** `percent` is 0–100 for the current step. */
  update(step: string, percent: number) {
    const value = Math.max(0, Math.min(100, Math.round(percent)));
    if (this.stream.isTTY) return this.updateBar(step, value);
    const quarter = Math.floor(value / 25);
    if (step === this.step && quarter === this.lastQuarter) return;
    this.step = step;
    this.lastQuarter = quarter;
    this.stream.write(`${step}: ${value}%\n`);
  }

  stop() {
    this.bar?.stop();
    this.bar = null;
  }

  private updateBar(step: string, value: number) {
    if (!this.bar) {
      this.bar = new SingleBar({ format: '{step} [{bar}] {percentage}%', stream: this.stream, hideCursor: true, clearOnComplete: false });
      this.bar.start(100, value, { step });
    } else if (step !== this.step) {
      this.bar.update(value, { step });
    } else {
      this.bar.update(value);
    }
    this.step = step;
  }
}
