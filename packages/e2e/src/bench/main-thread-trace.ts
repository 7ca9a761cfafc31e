// Reads a Chromium trace (the devtools.timeline and toplevel categories) and says how the
// main thread of one page's renderer spent its time: CPU time and wall time of every task
// after the page's navigation committed, split by what the task did. CPU time is the trace's
// thread time (`tdur`): unlike wall time it leaves out the time the thread waited for a core.

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

/** The parts a page's main-thread time is split into. */
export const PARTS = ['script', 'style & layout', 'paint', 'HTML parsing', 'other'] as const;
export type Part = (typeof PARTS)[number];

/** Milliseconds of CPU (and wall) time per part, and in all. */
export interface MainThreadTime {
  cpu: number;
  /** CPU time of the tasks that started before the page's load event: what held the page up. */
  beforeLoad: number;
  wall: number;
  tasks: number;
  parts: Record<Part, number>;
  /** CPU time of script whose source is `scriptUrl` (its top level and its callbacks). */
  scriptOf: number;
}

const PART_OF: Record<string, Part> = {
  EvaluateScript: 'script',
  FunctionCall: 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireIdleCallback: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  'v8.compile': 'script',
  UpdateLayoutTree: 'style & layout',
  Layout: 'style & layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  ParseHTML: 'HTML parsing',
};

const TASK = 'ThreadControllerImpl::RunTask';

function dataOf(event: TraceEvent): Record<string, unknown> {
  const args = event.args ?? {};
  const data = (args.data ?? args.beginData) as Record<string, unknown> | undefined;
  return data ?? {};
}

/** The main thread of the renderer that committed the top-level page at `pageUrl`. */
function pageThread(
  events: TraceEvent[],
  pageUrl: string,
): { pid: number; tid: number; from: number } {
  const commit = events.find(
    (e) =>
      e.name === 'CommitLoad' &&
      dataOf(e).isOutermostMainFrame === true &&
      String(dataOf(e).url).startsWith(pageUrl),
  );
  if (!commit) throw new Error(`the trace has no commit of ${pageUrl}`);
  // Count from the task that committed the navigation (it builds the new document).
  const task = events.find(
    (e) =>
      e.name === TASK &&
      e.pid === commit.pid &&
      e.tid === commit.tid &&
      e.ts <= commit.ts &&
      e.ts + (e.dur ?? 0) >= commit.ts,
  );
  return { pid: commit.pid, tid: commit.tid, from: task ? task.ts : commit.ts };
}

/** When the page called `console.timeStamp(message)`. */
function markTime(events: TraceEvent[], pid: number, message: string): number {
  const mark = events.find(
    (e) => e.name === 'TimeStamp' && e.pid === pid && dataOf(e).message === message,
  );
  if (!mark) throw new Error(`the trace has no time stamp "${message}"`);
  return mark.ts;
}

/** The process id of the renderer that committed a frame whose URL starts with `url`, if any. */
export function processOfFrame(events: TraceEvent[], url: string): number | undefined {
  return events.find((e) => e.name === 'CommitLoad' && String(dataOf(e).url).startsWith(url))?.pid;
}

/**
 * Main-thread time of the page at `pageUrl` from its navigation on. Each event's own time
 * (its time less its children's) goes to the part of the nearest enclosing event that has
 * one: a layout forced by a script counts as layout, a script run by the HTML parser as script.
 */
export function mainThreadTime(
  events: TraceEvent[],
  pageUrl: string,
  options: { scriptUrl?: string; sinceMark?: string } = {},
): MainThreadTime {
  const { scriptUrl, sinceMark } = options;
  const thread = pageThread(events, pageUrl);
  const { pid, tid } = thread;
  const from = sinceMark ? markTime(events, pid, sinceMark) : thread.from;
  const loadAt =
    events.find(
      (e) => e.name === 'MarkLoad' && e.pid === pid && dataOf(e).isOutermostMainFrame === true,
    )?.ts ?? Infinity;
  const own = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && e.ts >= from)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const result: MainThreadTime = {
    cpu: 0,
    beforeLoad: 0,
    wall: 0,
    tasks: 0,
    parts: Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>,
    scriptOf: 0,
  };
  // Open events, outermost first, each with the part it is counted in.
  const stack: { end: number; part: Part; ours: boolean }[] = [];
  for (const event of own) {
    while (stack.length && stack[stack.length - 1]!.end <= event.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent && event.name !== TASK) continue; // only what runs inside the thread's tasks
    const cpu = (event.tdur ?? 0) / 1000;
    if (!parent) {
      result.cpu += cpu;
      if (event.ts < loadAt) result.beforeLoad += cpu;
      result.wall += (event.dur ?? 0) / 1000;
      result.tasks++;
    }
    const part = PART_OF[event.name] ?? parent?.part ?? 'other';
    const url = String(dataOf(event).url ?? '');
    const ours =
      (parent?.ours ?? false) ||
      (!!scriptUrl && part === 'script' && PART_OF[event.name] === 'script' && url === scriptUrl);
    // Own time = this event's CPU time, taken away from the part of the event it is nested in.
    result.parts[part] += cpu;
    if (parent) result.parts[parent.part] -= cpu;
    if (ours && !parent?.ours) result.scriptOf += cpu;
    stack.push({ end: event.ts + (event.dur ?? 0), part, ours });
  }
  return result;
}
