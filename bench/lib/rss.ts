// Samples a process's resident memory from /proc/<pid>/status: VmRSS now, VmHWM the kernel's own
// high-water mark (which also catches peaks between two samples).
import { readFileSync } from 'node:fs';

export type RssReading = { rss: number; hwm: number };

export function readRss(pid: number): RssReading | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

export type RssSampler = { stop(): { peakRss: number; hwm: number; samples: number } };

export function startRssSampler(pid: number, everyMs = 100): RssSampler {
  let peakRss = 0;
  let hwm = 0;
  let samples = 0;
  const sample = () => {
    const reading = readRss(pid);
    if (!reading) return;
    samples += 1;
    peakRss = Math.max(peakRss, reading.rss);
    hwm = Math.max(hwm, reading.hwm);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRss, hwm, samples };
    },
  };
}
