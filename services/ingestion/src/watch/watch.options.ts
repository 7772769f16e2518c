export const WATCH_OPTIONS = Symbol('WATCH_OPTIONS');

export interface WatchOptions {
  /** The folder to ingest from; nothing is watched when unset. */
  dir: string | null;
  intervalMs: number;
  /** Larger files are refused without being read (the upload limit). */
  maxBytes: number;
  /** React to file-system events (inotify) as well as scanning on the interval; off for network filesystems. */
  events: boolean;
}
