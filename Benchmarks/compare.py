#!/usr/bin/env python3
"""factsh against SQLite and DuckDB on the same data and the same questions, in one run.

    compare.py FACTSH_BINARY [EVENTS_CSV]

Loads the events CSV (made by generate_events.py) into factsh, into SQLite (the sqlite3 CLI,
:memory:) and into DuckDB (the duckdb Python package), factsh and DuckDB once with 1 thread
and once with all of them (BENCH_THREADS, the machine's cores unless told; SQLite has one).
Times each query from its text (best of 5: factsh's `.timer` counts the parse, as DuckDB's
execute and sqlite3's `.timer` do, and includes writing the result) and the load (best of 3,
a fresh process each time, as this machine's timings wander); checks that all engines give
the same answers; measures every engine's peak memory the same way, the peak RSS (VmHWM) of
the process that loaded the data and answered the questions, read by /usr/bin/time; prints one
table of times and ratios. Exits 1 if any engine disagrees.
"""
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

FACTSH = sys.argv[1]
EVENTS = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "data", "events.csv"))
RUNS = 5
ALL_THREADS = int(os.environ.get("BENCH_THREADS", str(os.cpu_count() or 1)))
THREAD_COUNTS = sorted({1, ALL_THREADS})
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


def timed(command, **options):
    """Runs a command under /usr/bin/time; its result, and its peak RSS in kB (VmHWM)."""
    result = subprocess.run(["/usr/bin/time", "-f", "peak-rss-kb %M"] + command, capture_output=True, text=True, **options)
    if result.returncode != 0:
        sys.exit("%s failed:\n%s" % (command[0], result.stderr[-2000:]))
    peak = int(re.findall(r"peak-rss-kb (\d+)", result.stderr)[-1])
    return result, peak


def run_factsh(threads):
    work = tempfile.mkdtemp(prefix="factsh-bench-")
    commands = ["-c", ".timer on", "-c", ".load %s as events" % EVENTS]
    for index, (query, _, _) in enumerate(QUERIES):
        commands += ["-c", ".once %s/q%d.csv" % (work, index)] + ["-c", query] * RUNS
    result, memory = timed([FACTSH, "--no-init", "--threads", str(threads), "--format", "csv"] + commands)
    times = [float(t) for t in re.findall(r"time: ([0-9.]+) ms", result.stderr)]
    load = times[1]
    for _ in range(LOAD_RUNS - 1):
        again, _ = timed([FACTSH, "--no-init", "--threads", str(threads), "-c", ".timer on", "-c", ".load %s as events" % EVENTS])
        load = min(load, float(re.findall(r"time: ([0-9.]+) ms", again.stderr)[1]))
    per_query = []
    for index in range(len(QUERIES)):
        start = 2 + index * (RUNS + 1) + 1
        per_query.append(min(times[start:start + RUNS]))
    answers = [read_csv(open("%s/q%d.csv" % (work, i)).read()) for i in range(len(QUERIES))]
    return load, per_query, answers, memory


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
    result, memory = timed(["sqlite3", ":memory:"], input=script)
    times = [float(t) * 1000 for t in re.findall(r"Run Time: real ([0-9.]+)", result.stdout)]
    per_query = [min(times[i * RUNS:(i + 1) * RUNS]) for i in range(len(QUERIES))]
    answers = [read_csv(open("%s/q%d.csv" % (work, i)).read()) for i in range(len(QUERIES))]
    return load, per_query, answers, memory


def duckdb_worker(threads, with_queries):
    """In a process of its own (so its peak RSS is DuckDB's alone, as for the other engines):
    loads the events on `threads` threads, runs the questions when asked, prints the load's
    time, the best time of each question and the answers as JSON."""
    import duckdb
    connection = duckdb.connect(":memory:")
    connection.execute("SET threads = %d" % threads)
    started = time.perf_counter()
    connection.execute("CREATE TABLE events(%s)" % COLUMNS)
    connection.execute("INSERT INTO events SELECT * FROM read_csv('%s', header = true, columns = {%s})" % (
        EVENTS, ", ".join("'%s': '%s'" % tuple(c.split()) for c in COLUMNS.split(", "))))
    load = (time.perf_counter() - started) * 1000
    per_query, answers = [], []
    for _, sql, _ in QUERIES if with_queries else []:
        best = math.inf
        for _ in range(RUNS):
            started = time.perf_counter()
            rows = connection.execute(sql).fetchall()
            best = min(best, (time.perf_counter() - started) * 1000)
        per_query.append(best)
        answers.append([[("%s" % c) if c is not None else "" for c in row] for row in rows])
    print(json.dumps({"load": load, "times": per_query, "answers": answers}))


def run_duckdb(threads):
    worker = [sys.executable, __file__, FACTSH, EVENTS, "--duckdb-worker", str(threads)]
    result, memory = timed(worker + ["queries"])
    measured = json.loads(result.stdout)
    load = measured["load"]
    for _ in range(LOAD_RUNS - 1):
        again, _ = timed(worker + ["load"])
        load = min(load, json.loads(again.stdout)["load"])
    return load, measured["times"], measured["answers"], memory


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
    factsh = {threads: run_factsh(threads) for threads in THREAD_COUNTS}
    duck = {threads: run_duckdb(threads) for threads in THREAD_COUNTS}
    s_load, s_times, s_answers, s_memory = run_sqlite()
    _, python_memory = timed([sys.executable, "-c", "import duckdb; duckdb.connect(':memory:').execute('SELECT 1').fetchall()"])
    rows = sum(1 for _ in open(EVENTS)) - 1
    print("events: %d rows, %.1f MB (%s); factsh and DuckDB on 1 and on %d threads, SQLite on 1" % (
        rows, os.path.getsize(EVENTS) / 1e6, EVENTS, ALL_THREADS))
    heading = "%-66s" % "times in ms"
    for threads in THREAD_COUNTS:
        heading += " %9s %9s %7s" % ("factsh %d" % threads, "duckdb %d" % threads, "f/d %d" % threads)
    print(heading + " %9s %9s" % ("sqlite", "sqlite/f1"))

    def line(label, f_values, d_values, s_value, digits):
        text = "%-66s" % label
        for threads in THREAD_COUNTS:
            text += " %9.*f %9.*f %7.2f" % (digits, f_values[threads], digits, d_values[threads], f_values[threads] / d_values[threads])
        return text + " %9.*f %9.1f" % (digits, s_value, s_value / f_values[1])

    print(line("load", {t: factsh[t][0] for t in THREAD_COUNTS}, {t: duck[t][0] for t in THREAD_COUNTS}, s_load, 1))
    disagreements = 0
    for index, (query, _, order) in enumerate(QUERIES):
        answers = [factsh[t][2][index] for t in THREAD_COUNTS] + [duck[t][2][index] for t in THREAD_COUNTS] + [s_answers[index]]
        agree = all(same(answers[0], other, order) for other in answers[1:])
        disagreements += not agree
        print(line(query, {t: factsh[t][1][index] for t in THREAD_COUNTS}, {t: duck[t][1][index] for t in THREAD_COUNTS}, s_times[index], 2)
              + ("" if agree else "  DISAGREE"))
        if not agree:
            for answer in answers:
                print("   %s" % answer[:5])
    memory = "%-66s" % "peak RSS in MB (load and questions)"
    for threads in THREAD_COUNTS:
        memory += " %9.0f %9.0f %7.2f" % (factsh[threads][3] / 1024, duck[threads][3] / 1024, factsh[threads][3] / duck[threads][3])
    print(memory + " %9.0f %9.2f" % (s_memory / 1024, factsh[1][3] / s_memory) + "   (factsh / SQLite)")
    print("DuckDB's peak RSS includes its Python process: %.0f MB with duckdb imported and nothing loaded" % (python_memory / 1024))
    starts = []
    for _ in range(10):
        started = time.perf_counter()
        subprocess.run([FACTSH, "--no-init", "--demo", "-c", "swaps count"], capture_output=True, check=True)
        starts.append((time.perf_counter() - started) * 1000)
    print("factsh --demo -c 'swaps count', process start to first result: %.1f ms (best of 10)" % min(starts))
    if disagreements:
        print("%d queries disagree" % disagreements)
        sys.exit(1)


if len(sys.argv) > 4 and sys.argv[3] == "--duckdb-worker":
    duckdb_worker(int(sys.argv[4]), sys.argv[5] == "queries")
else:
    main()
