/** One JSON line per event on stdout/stderr; small on purpose (no dependency for four levels). */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** A connection URL fit for a log or an error message: its password, if any, as `***`. */
export function maskPassword(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

export function createLogger(level: Level = 'info', sink: (line: string, level: Level) => void = defaultSink): Logger {
  const min = ORDER[level];
  const log = (l: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[l] < min) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields }), l);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function defaultSink(line: string, level: Level): void {
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}
