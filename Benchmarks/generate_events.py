#!/usr/bin/env python3
"""Writes a deterministic `events` CSV for the factsh / SQLite / DuckDB comparison.

    generate_events.py [ROWS] [PATH]      (default 1,000,000 rows to Benchmarks/data/events.csv)

Columns: id, date (2022-02-24..2025-12-31), kind (8 values, skewed), side (ua, ru, both),
place (about 2,000 names, Zipf-distributed), source (about 30), released, killed, injured,
drones, missiles (small, skewed ints), note (20-80 characters). A fixed seed: the same rows
every run, on every machine.
"""
import bisect
import datetime
import os
import random
import sys

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
PATH = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "data", "events.csv")
rng = random.Random(20250525)

KINDS = ["swap", "attack", "strike", "shelling", "claim", "advance", "casualty", "statement"]
KIND_WEIGHTS = [2, 30, 20, 18, 10, 8, 7, 5]
SIDES = ["ua", "ru", "both"]
SIDE_WEIGHTS = [45, 45, 10]
SYLLABLES = ["kra", "ma", "torsk", "do", "ne", "pro", "kher", "son", "za", "po", "ri", "zhia", "sla", "vi", "ansk",
             "bakh", "mut", "lu", "hansk", "kup", "yansk", "iz", "yum", "ly", "man", "av", "div", "ka", "cher", "ni", "hiv"]


def place_name(index):
    parts = [SYLLABLES[(index * 7 + k * 13) % len(SYLLABLES)] for k in range(2 + index % 3)]
    return ("".join(parts) + str(index)).capitalize()


PLACES = [place_name(i) for i in range(2000)]
ZIPF = [1 / (rank + 1) for rank in range(len(PLACES))]
ZIPF_CUMULATIVE = []
running = 0.0
for weight in ZIPF:
    running += weight
    ZIPF_CUMULATIVE.append(running)
SOURCES = ["source%02d" % i for i in range(30)]
WORDS = ["shelling", "reported", "near", "the", "village", "drones", "overnight", "officials", "said", "damage",
         "residential", "area", "front", "line", "units", "claimed", "according", "to", "local", "sources,"]
START = datetime.date(2022, 2, 24)
DAYS = (datetime.date(2025, 12, 31) - START).days + 1


def small(mean, tail):
    """Mostly small counts with a rare long tail."""
    value = int(rng.expovariate(1 / mean))
    if rng.random() < tail:
        value += rng.randint(50, 500)
    return value


def note():
    length = rng.randint(20, 80)
    words = []
    while sum(len(w) + 1 for w in words) < length:
        words.append(rng.choice(WORDS))
    text = " ".join(words)[:length].strip()
    return '"' + text.replace('"', '""') + '"' if "," in text else text


os.makedirs(os.path.dirname(os.path.abspath(PATH)), exist_ok=True)
with open(PATH, "w", newline="") as out:
    out.write("id,date,kind,side,place,source,released,killed,injured,drones,missiles,note\n")
    for row in range(1, ROWS + 1):
        date = START + datetime.timedelta(days=rng.randrange(DAYS))
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        place = PLACES[bisect.bisect_left(ZIPF_CUMULATIVE, rng.random() * running)]
        out.write("%d,%s,%s,%s,%s,%s,%d,%d,%d,%d,%d,%s\n" % (
            row, date.isoformat(), kind, rng.choices(SIDES, SIDE_WEIGHTS)[0], place, rng.choice(SOURCES),
            small(2, 0.001) if kind == "swap" else 0, small(1.5, 0.002), small(3, 0.003),
            small(20, 0.02) if kind in ("attack", "strike") else 0, small(3, 0.01) if kind in ("attack", "strike") else 0,
            note()))
print("wrote %d rows to %s (%.1f MB)" % (ROWS, PATH, os.path.getsize(PATH) / 1e6))
