import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { ServerName } from './servers/spawn';
import { Params, Workload } from './workloads';

/** Warm-up turns each server of a workload takes, at 8 connections, before any of them is measured. */
export const WARMUP_TURNS = 2;

export interface LoadTarget {
  name: ServerName;
  url: string;
  pid: number;
}

export interface RunResult {
  server: ServerName;
  workload: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, time-outs, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
  /** Highest resident memory of the server process seen during the run, in MiB. */
  peakRssMb: number;
  /** The machine's 1-minute load average when the run started: others' work shows up here. */
  loadAverage: number;
}

/**
 * One autocannon run of a workload against one server, its request bodies rotating over every
 * parameter set. Multi-step workloads (W5's three pages) run as a request sequence per connection,
 * each step reading the cursor of the answer before it. autocannon runs in this process; the
 * servers are other processes, so client and server do not share an event loop.
 */
export async function runLoad(target: LoadTarget, workload: Workload, params: Params[], connections: number, seconds: number): Promise<RunResult> {
  let next = 0;
  const headers = { 'content-type': 'application/json' };
  const probe = workload.request(target.name, params[0], 0, null);
  if (!probe) throw new Error(`${target.name} cannot run ${workload.id}`);
  let requests: autocannon.Request[];
  if (workload.steps === 1) {
    const bodies = params.map((p) => workload.request(target.name, p, 0, null)!.body);
    requests = [{ method: 'POST', headers, setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }];
  } else {
    requests = Array.from({ length: workload.steps }, (_, step) => ({
      method: 'POST',
      headers,
      setupRequest: (request: autocannon.Request, context: Record<string, any>) => {
        if (step === 0) context.params = params[next++ % params.length];
        return { ...request, body: workload.request(target.name, context.params, step, context.previous)!.body };
      },
      onResponse: (_status: number, body: string, context: Record<string, any>) => {
        try {
          context.previous = JSON.parse(body);
        } catch {
          context.previous = null;
        }
      },
    }));
  }
  const loadAverage = Math.round(os.loadavg()[0] * 10) / 10;
  const sampler = rssSampler(target.pid);
  try {
    const result = await autocannon({
      url: target.url + probe.path,
      connections,
      duration: seconds,
      timeout: 30,
      requests,
      verifyBody: (body) => !body.startsWith('{"errors"') && !body.includes('"errors":['),
    });
    const total = result.requests.total;
    return {
      server: target.name,
      workload: workload.id,
      connections,
      requests: total,
      rps: total / Math.max(result.duration, 0.001),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
      peakRssMb: sampler.stop(),
      loadAverage,
    };
  } finally {
    sampler.stop();
  }
}

/** Samples a process's resident memory every 200 ms; stop() returns the highest seen, in MiB. */
function rssSampler(pid: number): { stop(): number } {
  let peak = rssOf(pid, 'VmRSS');
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid, 'VmRSS'));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(peak, rssOf(pid, 'VmRSS')));
    },
  };
}

/** VmRSS (now) or VmHWM (peak since start) of a process from /proc, in MiB; 0 when unreadable. */
export function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
