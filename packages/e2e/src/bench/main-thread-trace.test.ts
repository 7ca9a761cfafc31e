import { describe, expect, it } from 'vitest';
import {
  mainThreadTime,
  processOfFrame,
  profiledFunctions,
  type TraceEvent,
} from './main-thread-trace';

const PAGE = 'http://localhost:4000/';
const LOADER = 'http://127.0.0.1:5000/widget.js';
const HOST = { pid: 10, tid: 10 };
const OTHER = { pid: 20, tid: 20 };

/** A complete event; times in microseconds, as Chromium writes them. */
function x(
  name: string,
  ts: number,
  dur: number,
  tdur: number,
  thread = HOST,
  data?: Record<string, unknown>,
): TraceEvent {
  return { name, ph: 'X', ...thread, ts, dur, tdur, args: data ? { data } : {} };
}

const task = (ts: number, dur: number, tdur: number, thread = HOST) =>
  x('ThreadControllerImpl::RunTask', ts, dur, tdur, thread);

/** A host page's load: blank tab work, the commit, the parser running our script, a layout. */
function trace(): TraceEvent[] {
  return [
    task(0, 5_000, 5_000), // before the navigation committed: not the page's
    task(10_000, 20_000, 8_000),
    x('CommitLoad', 11_000, 100, 100, HOST, { url: PAGE, isOutermostMainFrame: true }),
    task(40_000, 10_000, 6_000),
    x('ParseHTML', 40_100, 9_000, 5_000, HOST, { url: PAGE }),
    x('EvaluateScript', 41_000, 6_000, 4_000, HOST, { url: LOADER }),
    // A layout the script forced: counted as layout, not script.
    x('Layout', 42_000, 2_000, 1_500, HOST),
    {
      name: 'MarkLoad',
      ph: 'I',
      ...HOST,
      ts: 55_000,
      args: { data: { isOutermostMainFrame: true } },
    },
    task(60_000, 3_000, 2_000),
    x('FunctionCall', 60_100, 1_000, 1_000, HOST, { url: LOADER }),
    x('FunctionCall', 61_200, 500, 500, HOST, { url: 'http://localhost:4000/app.js' }),
    // Another renderer (the chat frame's): never the page's time.
    task(40_000, 50_000, 50_000, OTHER),
    x('CommitLoad', 40_500, 100, 100, OTHER, { url: 'http://127.0.0.1:5000/widget/frame' }),
    { name: 'TimeStamp', ph: 'I', ...HOST, ts: 59_000, args: { data: { message: 'open' } } },
  ];
}

describe('main-thread time of a page from its trace', () => {
  it("counts the page's thread from the commit on, split by own time of each part", () => {
    const time = mainThreadTime(trace(), PAGE, { scriptUrl: LOADER });
    expect(time.tasks).toBe(3);
    expect(time.cpu).toBeCloseTo(16); // 8 + 6 + 2 ms, not the 5 ms before the commit
    expect(time.wall).toBeCloseTo(33);
    expect(time.beforeLoad).toBeCloseTo(14);
    expect(time.parts.script).toBeCloseTo(2.5 + 1 + 0.5);
    expect(time.parts['style & layout']).toBeCloseTo(1.5);
    expect(time.parts['HTML parsing']).toBeCloseTo(1);
    expect(time.parts.other).toBeCloseTo(8 + 1 + 0.5);
    // The parts add up to the whole.
    const sum = Object.values(time.parts).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(time.cpu);
    // The loader's own script: its top level (with the layout it forced) and its callback.
    expect(time.scriptOf).toBeCloseTo(4 + 1);
  });

  it('says which kinds of event the time went to, each with its own time', () => {
    const { byName } = mainThreadTime(trace(), PAGE, { scriptUrl: LOADER });
    expect(byName['Layout']).toBeCloseTo(1.5);
    expect(byName['EvaluateScript']).toBeCloseTo(2.5); // 4 less the layout it forced
    expect(byName['ParseHTML']).toBeCloseTo(1);
    expect(byName['CommitLoad']).toBeCloseTo(0.1);
    expect(byName['ThreadControllerImpl::RunTask']).toBeCloseTo(7.9 + 1 + 0.5); // the tasks' own time
  });

  it('counts from a time stamp when asked', () => {
    const time = mainThreadTime(trace(), PAGE, { sinceMark: 'open' });
    expect(time.tasks).toBe(1);
    expect(time.cpu).toBeCloseTo(2);
  });

  it('names the process that committed a frame, and refuses a trace without the page', () => {
    expect(processOfFrame(trace(), 'http://127.0.0.1:5000/widget/frame')).toBe(20);
    expect(processOfFrame(trace(), PAGE)).toBe(10);
    expect(() => mainThreadTime(trace(), 'http://elsewhere.test/')).toThrow(/no commit/);
  });
});

describe('the V8 CPU profile of the page', () => {
  const SAMPLER = { pid: HOST.pid, tid: 99 };
  const frame = (functionName: string, url = '', columnNumber = -1) => ({
    functionName,
    url,
    lineNumber: 0,
    columnNumber,
  });
  /** The profiler's events: a start on the profiled thread, then chunks from its own thread. */
  function profile(): TraceEvent[] {
    const event = (name: string, ts: number, data: unknown, thread: typeof HOST) =>
      ({ name, ph: 'P', id: '0x1', ...thread, ts, args: { data } }) as TraceEvent;
    return [
      ...trace(),
      event('Profile', 0, { startTime: 0 }, HOST),
      event(
        'ProfileChunk',
        12_000,
        {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: frame('(root)') },
              { id: 2, callFrame: frame('(program)'), parent: 1 },
              { id: 3, callFrame: frame('mount', LOADER, 120), parent: 1 },
            ],
            samples: [2, 3],
          },
          timeDeltas: [5_000, 6_000], // at 5 ms (before the commit) and at 11 ms
        },
        SAMPLER,
      ),
      event(
        'ProfileChunk',
        16_000,
        {
          cpuProfile: {
            nodes: [{ id: 4, callFrame: frame('getItem'), parent: 3 }],
            samples: [3, 4, 2],
          },
          timeDeltas: [2_000, 1_000, 500], // at 13, 14 and 14.5 ms
        },
        SAMPLER,
      ),
    ];
  }

  it('credits each sample until the next one to its function, from the navigation on', () => {
    const functions = profiledFunctions(profile(), PAGE);
    expect(functions.map((f) => [f.name, f.ms])).toEqual([
      ['mount', 3], // 11 -> 13 -> 14 ms
      ['getItem', 0.5],
    ]);
    expect(functions[0]).toMatchObject({ url: LOADER, line: 0, column: 120 });
  });

  it('says so when the trace was taken without the profiler', () => {
    expect(() => profiledFunctions(trace(), PAGE)).toThrow(/no V8 CPU profile/);
  });
});
