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
  /** Own CPU time of each kind of trace event (`Layout`, `v8.compile`, ...): where it went. */
  byName: Record<string, number>;
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
    byName: {},
  };
  // Open events, outermost first, each with the part it is counted in.
  const stack: { end: number; part: Part; ours: boolean; name: string }[] = [];
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
    result.byName[event.name] = (result.byName[event.name] ?? 0) + cpu;
    if (parent) {
      result.parts[parent.part] -= cpu;
      result.byName[parent.name]! -= cpu;
    }
    if (ours && !parent?.ours) result.scriptOf += cpu;
    stack.push({ end: event.ts + (event.dur ?? 0), part, ours, name: event.name });
  }
  return result;
}

/** A function the V8 sampler saw running on the page's thread, with its own (self) time. */
export interface ProfiledFunction {
  name: string;
  url: string;
  /** Zero-based, as V8 reports them. */
  line: number;
  column: number;
  ms: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
}

interface ProfileChunk {
  cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
  timeDeltas?: number[];
}

/**
 * Own time of each function in the V8 CPU profile of the page's main thread, from the navigation
 * on (needs the trace category `disabled-by-default-v8.cpu_profiler`), most first. Sampled time
 * of the thread: a sample lasts until the next one. Idle and program samples are listed too,
 * as `(idle)`, `(program)`, `(garbage collector)`.
 */
export function profiledFunctions(events: TraceEvent[], pageUrl: string): ProfiledFunction[] {
  const { pid, tid, from } = pageThread(events, pageUrl);
  const starts = events.filter((e) => e.name === 'Profile' && e.pid === pid);
  // The main thread's profile; a renderer may profile its workers too.
  const profile = starts.find((e) => e.tid === tid) ?? starts[0];
  if (!profile) throw new Error('the trace has no V8 CPU profile of the page');
  const id = (profile as TraceEvent & { id?: string }).id;
  const nodes = new Map<number, ProfileNode>();
  const byFunction = new Map<string, ProfiledFunction>();
  let time = Number(dataOf(profile).startTime ?? profile.ts);
  let previous: { node: number; at: number } | null = null;
  const credit = (nodeId: number, ms: number) => {
    const frame = nodes.get(nodeId)?.callFrame ?? {};
    const key = `${frame.functionName}@${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
    const entry = byFunction.get(key) ?? {
      name: frame.functionName || '(anonymous)',
      url: frame.url ?? '',
      line: frame.lineNumber ?? -1,
      column: frame.columnNumber ?? -1,
      ms: 0,
    };
    entry.ms += ms;
    byFunction.set(key, entry);
  };
  const chunks = events.filter(
    (e) =>
      e.name === 'ProfileChunk' && e.pid === pid && (e as TraceEvent & { id?: string }).id === id,
  );
  for (const chunk of chunks.sort((a, b) => a.ts - b.ts)) {
    const data = dataOf(chunk) as ProfileChunk;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      time += deltas[i] ?? 0;
      if (previous && previous.at >= from) credit(previous.node, (time - previous.at) / 1000);
      previous = { node: samples[i]!, at: time };
    }
  }
  return [...byFunction.values()].sort((a, b) => b.ms - a.ms);
}
