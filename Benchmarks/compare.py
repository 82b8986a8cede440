#!/usr/bin/env python3
"""factsh against SQLite and DuckDB on the same data and the same questions, in one run.

    compare.py FACTSH_BINARY [EVENTS_CSV]

Loads the events CSV (made by generate_events.py) into factsh, into SQLite (the sqlite3 CLI,
:memory:) and into DuckDB (the duckdb Python package); factsh and DuckDB both use
BENCH_THREADS threads (1 unless told; SQLite has one); times the load and each
query (best of 5, timed inside each engine, load excluded) and the load (best of 3, a fresh
process or connection each time, as this machine's timings wander); checks that all three give the
same answers; prints one table of times and ratios. Exits 1 if any engine disagrees.
"""
import csv
import io
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

FACTSH = sys.argv[1]
EVENTS = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "data", "events.csv"))
RUNS = 5
THREADS = int(os.environ.get("BENCH_THREADS", "1"))
LOAD_RUNS = 3

# (factsh query, SQL query, whether row order matters)
QUERIES = [
    ('events where date >= 2025-05-23 sum released', "SELECT sum(released) FROM events WHERE date >= '2025-05-23'", True),
    ('events where kind = "swap" count', "SELECT count(*) FROM events WHERE kind = 'swap'", True),
    ('events sum killed by side', "SELECT side, sum(killed) FROM events GROUP BY side", False),
    ('events avg drones by kind, side', "SELECT kind, side, avg(drones) FROM events GROUP BY kind, side", False),
    ('events sort drones desc, id limit 10', "SELECT * FROM events ORDER BY drones DESC, id LIMIT 10", True),
    ('events where (drones > 100 or missiles > 20) and side != "ru" count',
     "SELECT count(*) FROM events WHERE (drones > 100 OR missiles > 20) AND side <> 'ru'", True),
    ('events count distinct place', "SELECT count(DISTINCT place) FROM events", True),
    ('events where place contains "sk" count', "SELECT count(*) FROM events WHERE lower(place) LIKE '%sk%'", True),
    ('events sum killed as k by place sort k desc limit 5', "SELECT place, sum(killed) AS k FROM events GROUP BY place ORDER BY k DESC LIMIT 5", "ties"),
]
COLUMNS = ("id INTEGER, date DATE, kind VARCHAR, side VARCHAR, place VARCHAR, source VARCHAR, released INTEGER, "
           "killed INTEGER, injured INTEGER, drones INTEGER, missiles INTEGER, note VARCHAR")


def normalise(rows):
    """Rows of text, numbers to 9 significant digits, so engines can be compared."""
    out = []
    for row in rows:
        cells = []
        for cell in row:
            cell = "" if cell is None else str(cell)
            try:
                number = float(cell)
                cells.append("%.9g" % number if math.isfinite(number) else cell)
            except ValueError:
                cells.append(cell)
        out.append(tuple(cells))
    return out


def read_csv(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows[1:]  # without the header


def rss_kb(pid="self"):
    with open("/proc/%s/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def run_factsh():
    work = tempfile.mkdtemp(prefix="factsh-bench-")
    commands = ["-c", ".timer on", "-c", ".load %s" % EVENTS]
    for index, (query, _, _) in enumerate(QUERIES):
        commands += ["-c", ".once %s/q%d.csv" % (work, index)] + ["-c", query] * RUNS
    result = subprocess.run([FACTSH, "--no-init", "--threads", str(THREADS), "--format", "csv"] + commands, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("factsh failed:\n" + result.stderr[-2000:])
    times = [float(t) for t in re.findall(r"time: ([0-9.]+) ms", result.stderr)]
    load = times[1]
    for _ in range(LOAD_RUNS - 1):
        again = subprocess.run([FACTSH, "--no-init", "-c", ".timer on", "-c", ".load %s" % EVENTS], capture_output=True, text=True)
        load = min(load, float(re.findall(r"time: ([0-9.]+) ms", again.stderr)[1]))
    per_query = []
    for index in range(len(QUERIES)):
        start = 2 + index * (RUNS + 1) + 1
        per_query.append(min(times[start:start + RUNS]))
    answers = [read_csv(open("%s/q%d.csv" % (work, i)).read()) for i in range(len(QUERIES))]
    memory = subprocess.run(["/usr/bin/time", "-f", "%M", FACTSH, "--no-init", "-c", ".load %s" % EVENTS],
                            capture_output=True, text=True).stderr.strip().splitlines()[-1]
    return load, per_query, answers, int(memory)


def run_sqlite():
    work = tempfile.mkdtemp(prefix="sqlite-bench-")
    load_script = "CREATE TABLE events(%s);\n.import --csv --skip 1 %s events\n" % (COLUMNS.replace("VARCHAR", "TEXT").replace("DATE", "TEXT"), EVENTS)
    load = math.inf
    for _ in range(LOAD_RUNS):
        # The time of a load, less that of starting and stopping sqlite3.
        started = time.perf_counter()
        subprocess.run(["sqlite3", ":memory:"], input=load_script, capture_output=True, text=True, check=True)
        baseline = time.perf_counter()
        subprocess.run(["sqlite3", ":memory:"], input="SELECT 1;", capture_output=True, text=True, check=True)
        load = min(load, (baseline - started - (time.perf_counter() - baseline)) * 1000)
    script = load_script + ".mode csv\n.headers on\n.timer on\n"
    for index, (_, sql, _) in enumerate(QUERIES):
        script += ".once %s/q%d.csv\n%s;\n" % (work, index, sql) + ("%s;\n" % sql) * (RUNS - 1)
    result = subprocess.run(["sqlite3", ":memory:"], input=script, capture_output=True, text=True, check=True)
    times = [float(t) * 1000 for t in re.findall(r"Run Time: real ([0-9.]+)", result.stdout)]
    per_query = [min(times[i * RUNS:(i + 1) * RUNS]) for i in range(len(QUERIES))]
    answers = [read_csv(open("%s/q%d.csv" % (work, i)).read()) for i in range(len(QUERIES))]
    memory = subprocess.run(["/usr/bin/time", "-f", "%M", "sqlite3", ":memory:"], input=load_script,
                            capture_output=True, text=True).stderr.strip().splitlines()[-1]
    return load, per_query, answers, int(memory)


def duckdb_loaded():
    """A fresh DuckDB connection on THREADS threads with the events loaded, and the load's time in ms."""
    import duckdb
    connection = duckdb.connect(":memory:")
    connection.execute("SET threads = %d" % THREADS)
    started = time.perf_counter()
    connection.execute("CREATE TABLE events(%s)" % COLUMNS)
    connection.execute("INSERT INTO events SELECT * FROM read_csv('%s', header = true, columns = {%s})" % (
        EVENTS, ", ".join("'%s': '%s'" % tuple(c.split()) for c in COLUMNS.split(", "))))
    return connection, (time.perf_counter() - started) * 1000


def run_duckdb():
    before = rss_kb()
    connection, load = duckdb_loaded()
    memory = rss_kb() - before
    for _ in range(LOAD_RUNS - 1):
        again, again_load = duckdb_loaded()
        again.close()
        load = min(load, again_load)
    per_query, answers = [], []
    for _, sql, _ in QUERIES:
        best = math.inf
        for _ in range(RUNS):
            started = time.perf_counter()
            rows = connection.execute(sql).fetchall()
            best = min(best, (time.perf_counter() - started) * 1000)
        per_query.append(best)
        answers.append([[("%s" % c) if c is not None else "" for c in row] for row in rows])
    return load, per_query, answers, memory


def same(a, b, order):
    a, b = normalise(a), normalise(b)
    if order == "ties":  # tied sums may come in any order: compare the sums, and the unique ones' places
        if [r[1] for r in a] != [r[1] for r in b]:
            return False
        counts = {}
        for row in a:
            counts[row[1]] = counts.get(row[1], 0) + 1
        return all(x == y for x, y in zip(a, b) if counts[x[1]] == 1)
    return a == b if order else sorted(a) == sorted(b)


def main():
    try:
        import duckdb  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb"], check=True)
    f_load, f_times, f_answers, f_memory = run_factsh()
    s_load, s_times, s_answers, s_memory = run_sqlite()
    d_load, d_times, d_answers, d_memory = run_duckdb()
    rows = sum(1 for _ in open(EVENTS)) - 1
    print("events: %d rows, %.1f MB (%s); factsh and DuckDB on %d thread(s)" % (rows, os.path.getsize(EVENTS) / 1e6, EVENTS, THREADS))
    print("%-66s %10s %10s %10s %9s %9s" % ("", "factsh ms", "duckdb ms", "sqlite ms", "f/duckdb", "sqlite/f"))
    print("%-66s %10.1f %10.1f %10.1f %9.2f %9.2f" % ("load", f_load, d_load, s_load, f_load / d_load, s_load / f_load))
    disagreements = 0
    for index, (query, _, order) in enumerate(QUERIES):
        agree = same(f_answers[index], d_answers[index], order) and same(f_answers[index], s_answers[index], order)
        disagreements += not agree
        print("%-66s %10.2f %10.2f %10.2f %9.2f %9.1f%s" % (query, f_times[index], d_times[index], s_times[index],
              f_times[index] / d_times[index], s_times[index] / f_times[index], "" if agree else "  DISAGREE"))
        if not agree:
            print("   factsh %s\n   duckdb %s\n   sqlite %s" % (f_answers[index][:5], d_answers[index][:5], s_answers[index][:5]))
    print("%-66s %9.0fM %9.0fM %9.0fM" % ("memory after load (peak RSS; duckdb: RSS growth)", f_memory / 1024, d_memory / 1024, s_memory / 1024))
    starts = []
    for _ in range(10):
        started = time.perf_counter()
        subprocess.run([FACTSH, "--no-init", "--demo", "-c", "swaps count"], capture_output=True, check=True)
        starts.append((time.perf_counter() - started) * 1000)
    print("factsh --demo -c 'swaps count', process start to first result: %.1f ms (best of 10)" % min(starts))
    if disagreements:
        print("%d queries disagree" % disagreements)
        sys.exit(1)


main()
