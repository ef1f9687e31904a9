#!/usr/bin/env python3
"""Runs one benchmark command and measures it; writes one JSON record.

    recon_measure.py --out FILE [--postmaster PID] [--interval 0.2] -- COMMAND ARGS...

Measured:
  - wall time (monotonic clock) and exit code of COMMAND;
  - CPU seconds of COMMAND and every descendant it waited for (wait4 rusage);
  - per process of the tree (COMMAND, its workers, ...): peak RSS (VmHWM from /proc/PID/status)
    and CPU seconds, sampled every --interval seconds until the process exits; VmHWM is a
    high-water mark, so only growth in the last interval before a process exits can be missed;
  - with --postmaster: CPU seconds used by that Postgres server's processes during the run
    (approximate: a backend that exits loses at most its last interval);
  - CPU seconds the whole machine spent busy (/proc/stat), so that load from other users of
    the machine shows up as "other".
Linux only; standard library only. COMMAND's stdout and stderr are inherited (redirect them).
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def read_stat(pid):
    """(ppid, cpu seconds) of a process, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read().decode("ascii", "replace")
    except OSError:
        return None
    fields = data[data.rfind(")") + 2:].split()
    # fields[0] is the state (field 3 of proc(5)); ppid is field 4, utime 14, stime 15.
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def read_hwm_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def read_cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return []


def machine_busy_seconds():
    with open("/proc/stat") as f:
        parts = [int(x) for x in f.readline().split()[1:]]
    idle = parts[3] + (parts[4] if len(parts) > 4 else 0)
    return (sum(parts[:8]) - idle) / TICK


def descendants(roots):
    """pid -> (ppid, cpu) of every live process under any of roots (roots included)."""
    table = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = read_stat(int(name))
            if st is not None:
                table[int(name)] = st
    found = {r: table[r] for r in roots if r in table}
    frontier = list(found)
    children = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    while frontier:
        pid = frontier.pop()
        for child in children.get(pid, []):
            if child not in found:
                found[child] = table[child]
                frontier.append(child)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="JSON file to write")
    parser.add_argument("--postmaster", type=int, help="PID of the Postgres server to account CPU for")
    parser.add_argument("--interval", type=float, default=0.2, help="sampling interval in seconds")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")

    pg_base = {}
    if args.postmaster:
        pg_base = {pid: cpu for pid, (_, cpu) in descendants([args.postmaster]).items()}
    pg_last = dict(pg_base)
    busy0 = machine_busy_seconds()
    start = time.monotonic()
    child = subprocess.Popen(command)
    forward = lambda signum, _frame: child.send_signal(signum)
    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)

    procs = {}  # pid -> {"ppid", "argv", "peak_rss_kb", "cpu_s"}
    status = None
    while status is None:
        for pid, (ppid, cpu) in descendants([child.pid]).items():
            entry = procs.setdefault(pid, {"pid": pid, "ppid": ppid, "argv": read_cmdline(pid)[:4],
                                           "peak_rss_kb": 0, "cpu_s": 0.0})
            hwm = read_hwm_kb(pid)
            if hwm is not None:
                entry["peak_rss_kb"] = max(entry["peak_rss_kb"], hwm)
            entry["cpu_s"] = max(entry["cpu_s"], cpu)
        if args.postmaster:
            for pid, (_, cpu) in descendants([args.postmaster]).items():
                pg_last[pid] = max(pg_last.get(pid, 0.0), cpu)
        pid, raw, usage = os.wait4(child.pid, os.WNOHANG)
        if pid == child.pid:
            status = raw
            break
        time.sleep(args.interval)
    wall = time.monotonic() - start
    busy = machine_busy_seconds() - busy0
    if args.postmaster:
        for pid, (_, cpu) in descendants([args.postmaster]).items():
            pg_last[pid] = max(pg_last.get(pid, 0.0), cpu)
    exit_code = os.waitstatus_to_exitcode(status)
    tool_cpu = usage.ru_utime + usage.ru_stime
    pg_cpu = sum(cpu - pg_base.get(pid, 0.0) for pid, cpu in pg_last.items()) if args.postmaster else None
    record = {
        "command": command,
        "exit_code": exit_code,
        "wall_s": round(wall, 3),
        "tool_cpu_s": round(tool_cpu, 2),
        # ru_maxrss of a waited-for child covers its own reaped children too: the tree's peak.
        "tree_peak_rss_kb": usage.ru_maxrss,
        "postgres_cpu_s": None if pg_cpu is None else round(pg_cpu, 2),
        "machine_busy_cpu_s": round(busy, 2),
        "processes": sorted(procs.values(), key=lambda p: p["pid"]),
    }
    with open(args.out, "w") as f:
        json.dump(record, f, indent=1)
    sys.exit(exit_code if exit_code >= 0 else 128 - exit_code)


if __name__ == "__main__":
    main()
