#!/usr/bin/env python3
"""Summarizes a recon benchmark run (benchmarks/recon.sh): prints the table and writes the JSON.

    recon_report.py --work DIR --runs N --peers 0|1 --rows 10000000 --out FILE

DIR holds what recon.sh left there: floor-I.json and rowproof-I.json (recon_measure.py records),
rowproof-I/report.json, datadiff.{json,out} and reladiff.{json,out}, pg_settings.tsv.
Standard library only.
"""
import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys

EXPECTED = {"changed": 1000, "missing": 500, "extra": 500}
GOAL_FLOOR_RATIO = 1.3
GOAL_PEER_RATIO = 10.0
GOAL_WORKER_RSS_MB = 256.0


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def mb(kb):
    return None if kb is None else round(kb / 1024.0, 1)


def machine():
    info = {"cores": os.cpu_count(), "kernel": platform.release()}
    try:
        with open("/proc/cpuinfo") as f:
            models = [l.split(":", 1)[1].strip() for l in f if l.startswith("model name")]
        info["cpu"] = models[0] if models else None
        with open("/proc/meminfo") as f:
            info["memory_gb"] = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def git_revision(repo, work):
    """The revision recon.sh recorded when it built the binary, else the repository's HEAD now."""
    try:
        with open(os.path.join(work, "revision.txt")) as f:
            return f.read().strip()
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", repo, "status", "--porcelain", "--untracked-files=no", "Sources", "Package.swift"],
                               capture_output=True, text=True).stdout.strip()
        return rev + ("+uncommitted changes in Sources" if dirty else "")
    except OSError:
        return None


def other_cpu(rec):
    """CPU seconds the machine spent on processes that were neither the tool nor Postgres."""
    if rec is None or rec.get("postgres_cpu_s") is None:
        return None
    return round(max(0.0, rec["machine_busy_cpu_s"] - rec["tool_cpu_s"] - rec["postgres_cpu_s"]), 1)


def rowproof_run(work, i):
    rec = load_json(os.path.join(work, f"rowproof-{i}.json"))
    report = load_json(os.path.join(work, f"rowproof-{i}", "report.json"))
    run = {"measure": rec, "exit_code": rec and rec["exit_code"], "wall_s": rec and rec["wall_s"]}
    if rec:
        root = rec["processes"][0] if rec["processes"] else None
        workers = [p for p in rec["processes"] if len(p["argv"]) > 1 and p["argv"][1] == "worker"]
        run["coordinator_rss_mb"] = root and mb(root["peak_rss_kb"])
        run["coordinator_cpu_s"] = root and root["cpu_s"]
        run["workers"] = [{"pid": w["pid"], "peak_rss_mb": mb(w["peak_rss_kb"]), "cpu_s": w["cpu_s"]} for w in workers]
    if report:
        totals = report["totals"]
        run["counts"] = {k: totals[k] for k in ("rows_source", "rows_target", "matched", "changed", "missing", "extra",
                                                "duplicate_keys", "within_tolerance")}
        run["verdict"] = report["verdict"]
        run["timings"] = {t["phase"]: t["seconds"] for t in report.get("timings", [])}
        run["exact"] = all(totals[k] == v for k, v in EXPECTED.items()) and totals["duplicate_keys"] == 0
        run["chunks"] = sum(len(t.get("chunks", [])) for t in report.get("tables", []))
    else:
        run["exact"] = False
    return run


def peer_run(work, name):
    rec = load_json(os.path.join(work, f"{name}.json"))
    if rec is None:
        return None
    run = {"measure": rec, "exit_code": rec["exit_code"], "wall_s": rec["wall_s"],
           "peak_rss_mb": mb(rec["tree_peak_rss_kb"])}
    try:
        with open(os.path.join(work, f"{name}.out")) as f:
            text = f.read()
    except OSError:
        text = ""
    patterns = {"missing": r"(\d+) rows exclusive to table A", "extra": r"(\d+) rows exclusive to table B",
                "changed": r"(\d+) rows updated", "rows_source": r"(\d+) rows in table A",
                "rows_target": r"(\d+) rows in table B"}
    counts = {}
    for key, pattern in patterns.items():
        m = re.search(pattern, text)
        if m:
            counts[key] = int(m.group(1))
    run["counts"] = counts
    run["exact"] = all(counts.get(k) == v for k, v in EXPECTED.items())
    return run


def median_run(runs):
    """The run with the median wall time (lower median for an even count)."""
    ok = [r for r in runs if r.get("wall_s") is not None]
    if not ok:
        return None
    ordered = sorted(ok, key=lambda r: r["wall_s"])
    return ordered[(len(ordered) - 1) // 2]


def fmt(value, spec="{:.2f}", none="-"):
    return none if value is None else spec.format(value)


def rate(rows, wall):
    return None if not wall else rows / wall


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--peers", type=int, choices=[0, 1], required=True)
    parser.add_argument("--rows", type=int, required=True, help="rows per table")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    rows_read = 2 * args.rows

    floors = [load_json(os.path.join(args.work, f"floor-{i}.json")) for i in range(1, args.runs + 1)]
    floors = [f for f in floors if f is not None]
    rps = [rowproof_run(args.work, i) for i in range(1, args.runs + 1)]
    a_wall = statistics.median(f["wall_s"] for f in floors) if floors else None
    b_wall = statistics.median(r["wall_s"] for r in rps if r.get("wall_s") is not None) if rps else None
    b_mid = median_run(rps)
    a_mid = min(floors, key=lambda f: abs(f["wall_s"] - a_wall)) if floors else None
    dd = peer_run(args.work, "datadiff") if args.peers else None
    rd = peer_run(args.work, "reladiff") if args.peers else None
    c_wall = dd and dd["wall_s"]
    d_wall = rd and rd["wall_s"]

    ratio = lambda x, y: None if not x or not y else x / y
    b_a, c_b, d_b = ratio(b_wall, a_wall), ratio(c_wall, b_wall), ratio(d_wall, b_wall)
    paired = []
    for i in range(1, args.runs + 1):
        floor = load_json(os.path.join(args.work, f"floor-{i}.json"))
        run = rps[i - 1]
        if floor and floor.get("wall_s") and run.get("wall_s"):
            paired.append(run["wall_s"] / floor["wall_s"])
    worker_rss = [w["peak_rss_mb"] for r in rps for w in r.get("workers", [])]
    coord_rss = [r["coordinator_rss_mb"] for r in rps if r.get("coordinator_rss_mb") is not None]
    max_worker = max(worker_rss) if worker_rss else None
    exact_all = bool(rps) and all(r["exact"] for r in rps)

    settings = {}
    try:
        with open(os.path.join(args.work, "pg_settings.tsv")) as f:
            for line in f:
                if "\t" in line:
                    k, v = line.rstrip("\n").split("\t", 1)
                    settings[k] = v
    except OSError:
        pass

    out = []
    p = out.append
    n_workers = len(b_mid.get("workers", [])) if b_mid else 0
    p(f"RowProof recon benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, "
      f"{machine().get('cores')} cores, PostgreSQL {settings.get('server_version', '?')}, rowproof {git_revision(repo, args.work)}")
    p(f"src.orders vs dst.orders, {args.rows:,} rows each; rows/s = {rows_read:,} rows read (both tables) / wall time.")
    p(f"(a) and (b): median of {args.runs} interleaved run(s) after one untimed warm-up of (a); (c) and (d): one run each.")
    p("CPU s columns: the tool's processes, the Postgres server's, and everything else on the machine in that time.")
    p("")
    header = f"{'':34} {'wall s':>8} {'rows/s':>9} {'tool CPU':>9} {'pg CPU':>8} {'other':>7} {'peak RSS MB':>12}  found"
    p(header)
    p("-" * len(header))

    def row(label, wall, rec, rss, found):
        p(f"{label:34} {fmt(wall, '{:8.2f}'):>8} {fmt(rate(rows_read, wall), '{:,.0f}'):>9} "
          f"{fmt(rec and rec['tool_cpu_s'], '{:.1f}'):>9} {fmt(rec and rec['postgres_cpu_s'], '{:.1f}'):>8} "
          f"{fmt(other_cpu(rec), '{:.1f}'):>7} {rss:>12}  {found}")

    def found_text(counts, exit_code, exact):
        if not counts:
            return f"no counts (exit {exit_code})"
        return (f"{counts.get('changed', '?')} changed, {counts.get('missing', '?')} missing, "
                f"{counts.get('extra', '?')} extra: exact {'yes' if exact else 'no'}")

    row("(a) 2 x psql \\copy ORDER BY id", a_wall, a_mid, fmt(a_mid and mb(a_mid["tree_peak_rss_kb"]), "{:.0f}"), "-")
    if b_mid:
        rss = f"{fmt(b_mid.get('coordinator_rss_mb'), '{:.0f}')}/" + "+".join(
            fmt(w["peak_rss_mb"], "{:.0f}") for w in b_mid.get("workers", []))
        row(f"(b) rowproof recon, {n_workers} workers", b_wall, b_mid["measure"], rss,
            found_text(b_mid.get("counts"), b_mid.get("exit_code"), b_mid["exact"]))
    if args.peers:
        for label, run in (("(c) data-diff 0.11.2 -j 2", dd), ("(d) reladiff 0.6.0 -j 2", rd)):
            if run:
                row(label, run["wall_s"], run["measure"], fmt(run["peak_rss_mb"], "{:.0f}"),
                    found_text(run["counts"], run["exit_code"], run["exact"]))
    else:
        p("(c), (d): skipped (--no-peers)")
    p("")
    p("(b) peak RSS is coordinator/worker+worker. Runs:")
    for i, r in enumerate(rps, 1):
        workers = ", ".join(f"{w['peak_rss_mb']:.0f} MB ({w['cpu_s']:.1f} s CPU)" for w in r.get("workers", []))
        phases = ", ".join(f"{k} {v:.2f}" for k, v in r.get("timings", {}).items())
        p(f"  run {i}: {fmt(r.get('wall_s'))} s, exit {r.get('exit_code')}, exact {'yes' if r['exact'] else 'no'}, "
          f"{r.get('chunks', '?')} chunks; coordinator {fmt(r.get('coordinator_rss_mb'), '{:.0f}')} MB "
          f"({fmt(r.get('coordinator_cpu_s'), '{:.1f}')} s CPU); workers {workers or '-'}")
        if phases:
            p(f"         phases (s): {phases}")
    p(f"  (a) runs: " + ", ".join(f"{f['wall_s']:.2f} s" for f in floors))
    if paired:
        # The machine's speed can drift between runs; a (b) against the (a) measured just before
        # it shares most of that drift, so the spread of these ratios shows how far it moved.
        p(f"  b/a per run, each (b) against the (a) just before it: "
          + ", ".join(f"{x:.2f}" for x in paired) + f" (median {statistics.median(paired):.2f})")

    def cores_busy(rec, wall):
        busy = rec and rec.get("machine_busy_cpu_s")
        return f"{busy:.1f} CPU s over {wall:.2f} s = {busy / wall:.2f} cores busy" if busy and wall else "-"

    # When (a) already keeps every core busy, b/a is about the ratio of the CPU both need.
    p(f"  CPU: (a) {cores_busy(a_mid, a_wall)}; (b) {cores_busy(b_mid and b_mid['measure'], b_wall)} "
      f"of {os.cpu_count()}")
    if b_mid and b_mid["measure"].get("tool_cpu_s") and rows_read:
        p(f"       rowproof {b_mid['measure']['tool_cpu_s'] / rows_read * 1e6:.2f} µs of CPU per row read, "
          f"Postgres {fmt(b_mid['measure'].get('postgres_cpu_s'), '{:.1f}')} s in (b) against "
          f"{fmt(a_mid and a_mid.get('postgres_cpu_s'), '{:.1f}')} s in (a) for the same rows")
    p("")

    goals = []

    def goal(name, value, passed, shown):
        goals.append({"goal": name, "value": value, "pass": passed})
        p(f"  {name:34} {shown:>14}   {'PASS' if passed else 'MISS'}")

    p("Ratios and goals:")
    goal(f"b/a <= {GOAL_FLOOR_RATIO}", b_a, b_a is not None and b_a <= GOAL_FLOOR_RATIO, fmt(b_a))
    if args.peers:
        goal(f"c/b >= {GOAL_PEER_RATIO:.0f} (data-diff)", c_b, c_b is not None and c_b >= GOAL_PEER_RATIO, fmt(c_b, "{:.1f}"))
        goal(f"d/b >= {GOAL_PEER_RATIO:.0f} (reladiff)", d_b, d_b is not None and d_b >= GOAL_PEER_RATIO, fmt(d_b, "{:.1f}"))
    goal(f"worker peak RSS < {GOAL_WORKER_RSS_MB:.0f} MB", max_worker,
         max_worker is not None and max_worker < GOAL_WORKER_RSS_MB, fmt(max_worker, "{:.0f} MB"))
    goal("(b) exact 1000/500/500, every run", exact_all, exact_all, "yes" if exact_all else "no")
    if args.peers:
        p(f"  peers exact: data-diff {'yes' if dd and dd['exact'] else 'no'}, reladiff {'yes' if rd and rd['exact'] else 'no'}")
    p("")
    text = "\n".join(out)
    print(text)

    result = {
        "benchmark": "recon",
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "rowproof_revision": git_revision(repo, args.work),
        "postgres": settings,
        "rows_per_table": args.rows,
        "rows_read": rows_read,
        "expected_differences": EXPECTED,
        "runs": args.runs,
        "floor": {"median_wall_s": a_wall, "rows_per_s": rate(rows_read, a_wall),
                  "runs": [{k: f[k] for k in ("wall_s", "exit_code", "tool_cpu_s", "postgres_cpu_s", "machine_busy_cpu_s")}
                           for f in floors]},
        "rowproof": {"median_wall_s": b_wall, "rows_per_s": rate(rows_read, b_wall), "exact_every_run": exact_all,
                     "max_coordinator_rss_mb": max(coord_rss) if coord_rss else None, "max_worker_rss_mb": max_worker,
                     "runs": [{k: v for k, v in r.items() if k != "measure"} | {
                         "tool_cpu_s": r["measure"] and r["measure"]["tool_cpu_s"],
                         "postgres_cpu_s": r["measure"] and r["measure"]["postgres_cpu_s"],
                         "machine_busy_cpu_s": r["measure"] and r["measure"]["machine_busy_cpu_s"]} for r in rps]},
        "peers": None if not args.peers else {
            name: None if run is None else {k: v for k, v in run.items() if k != "measure"} | {
                "rows_per_s": rate(rows_read, run["wall_s"]), "tool_cpu_s": run["measure"]["tool_cpu_s"],
                "postgres_cpu_s": run["measure"]["postgres_cpu_s"], "machine_busy_cpu_s": run["measure"]["machine_busy_cpu_s"]}
            for name, run in (("data-diff 0.11.2", dd), ("reladiff 0.6.0", rd))},
        "ratios": {"b/a": b_a, "c/b": c_b, "d/b": d_b, "b/a per run": paired},
        "goals": goals,
        "summary": text,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(f"results: {args.out}")


if __name__ == "__main__":
    sys.exit(main())
