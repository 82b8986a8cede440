#!/usr/bin/env python3
"""factsh over PostgreSQL against psql on the same server, data and questions.

    compare_postgres.py FACTSH_BINARY [EVENTS_CSV] [--load-only]

Starts a throwaway PostgreSQL 15 server (unix socket in a temporary folder, as the `postgres`
user when run as root), then times, best of 3, loading the events CSV through factsh
(`factsh --db URI -c '.load events.csv'`, a fresh process each time, the file read and checked
by factsh, then copied) against psql's `\\copy` into a table of the same columns; and, best of
5, each benchmark query run by factsh (`.timer on`: translation, catalogue and rows back)
against its SQL, as `.explain` shows factsh sends it, run in psql (`\\timing`). Checks that
factsh's answers over PostgreSQL are the in-memory engine's. Exits 1 if any answer differs.
With --load-only it times the loads alone (on a busy machine, run it a few times).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

LOAD_ONLY = "--load-only" in sys.argv[1:]
ARGUMENTS = [argument for argument in sys.argv[1:] if argument != "--load-only"]
FACTSH = ARGUMENTS[0]
EVENTS = os.path.abspath(ARGUMENTS[1] if len(ARGUMENTS) > 1 else os.path.join(os.path.dirname(__file__), "data", "events.csv"))
BIN = "/usr/lib/postgresql/15/bin"
QUERIES = [
    'events where date >= 2025-05-23 sum released',
    'events where kind = "swap" count',
    'events sum killed by side',
    'events avg drones by kind, side',
    'events sort drones desc, id limit 10',
    'events where (drones > 100 or missiles > 20) and side != "ru" count',
    'events count distinct place',
    'events where place contains "sk" count',
    'events sum killed as k by place sort k desc limit 5',
]


def as_server(command):
    return (["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []) + command


def main():
    folder = tempfile.mkdtemp(prefix="factsh-bench-pg-")
    os.chmod(folder, 0o755)
    data = os.path.join(folder, "pg")
    os.mkdir(data)
    if os.getuid() == 0:
        shutil.chown(data, "postgres")
    subprocess.run(as_server([BIN + "/initdb", "-D", data + "/data", "-A", "trust", "-U", "postgres", "--no-sync"]), check=True, capture_output=True)
    subprocess.run(as_server([BIN + "/pg_ctl", "-D", data + "/data", "-o", "-c listen_addresses='' -k " + data, "-l", data + "/log", "-w", "start"]),
                   check=True, capture_output=True, stdin=subprocess.DEVNULL)
    uri = "postgresql:///postgres?host=%s&user=postgres" % data
    try:
        return compare(uri)
    finally:
        subprocess.run(as_server([BIN + "/pg_ctl", "-D", data + "/data", "-m", "fast", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def psql(uri, script):
    return subprocess.run([BIN + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", uri], input=script, capture_output=True, text=True, check=True).stdout


def factsh(uri, *commands):
    arguments = [FACTSH, "--no-init"] + (["--db", uri] if uri else [])
    for command in commands:
        arguments += ["-c", command]
    return subprocess.run(arguments, capture_output=True, text=True)


def compare(uri):
    loads = []
    for _ in range(3):
        factsh(uri, ".drop events")
        start = time.perf_counter()
        outcome = factsh(uri, ".load %s" % EVENTS)
        loads.append(time.perf_counter() - start)
        if outcome.returncode != 0:
            sys.exit("factsh could not load: " + outcome.stderr)
    columns = psql(uri, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'factsh' "
                   "AND table_name = 'events' AND column_name NOT LIKE 'factsh%' ORDER BY ordinal_position;").split()
    copies = []
    for _ in range(3):
        psql(uri, "DROP TABLE IF EXISTS factsh.copied; CREATE TABLE factsh.copied (LIKE factsh.events INCLUDING ALL);")
        start = time.perf_counter()
        psql(uri, "\\copy factsh.copied (%s) from '%s' csv header\n" % (", ".join(columns), EVENTS))
        copies.append(time.perf_counter() - start)
    psql(uri, "DROP TABLE factsh.copied; VACUUM ANALYZE;")
    print("| | factsh ms | psql ms | factsh / psql | same answer as in memory |")
    print("|---|---:|---:|---:|---|")
    print("| load | %.0f | %.0f | %.2f | |" % (min(loads) * 1000, min(copies) * 1000, min(loads) / min(copies)))
    if LOAD_ONLY:
        return 0
    all_same = True
    for query in QUERIES:
        timed = factsh(uri, ".timer on", *([query] * 5))
        ours = min(float(t) for t in re.findall(r"time: ([0-9.]+) ms", timed.stderr)[1:])
        sql = factsh(uri, ".mode jsonl", ".explain " + query).stdout.splitlines()[0]
        sql = re.match(r'\{"plan": ?"sql: (.*)"\}$', sql).group(1).replace('\\"', '"').replace("\\\\", "\\")
        theirs = min(float(t) for t in re.findall(r"Time: ([0-9.]+) ms", psql(uri, "SET search_path TO factsh;\n\\timing on\n" + (sql + ";\n") * 5)))
        served = factsh(uri, ".mode csv", query).stdout
        memory = factsh(None, ".mode csv", ".load %s" % EVENTS, query).stdout
        same = served == memory
        all_same &= same
        print("| `%s` | %.1f | %.1f | %.2f | %s |" % (query, ours, theirs, ours / theirs, "yes" if same else "NO"))
    return 0 if all_same else 1


if __name__ == "__main__":
    sys.exit(main())
