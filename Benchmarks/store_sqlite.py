#!/usr/bin/env python3
"""Peer for `motcua-bench store`: Python's sqlite3 doing the store's jobs.

  store_sqlite.py insert DB BODY N
      N inserts of the dossier JSON in BODY, one transaction each, WAL with
      synchronous=FULL (durable at commit). Prints per-insert latency.
  store_sqlite.py index DB ROWS QUERIES
      Loads ROWS (JSON lines: id, receipt, folded names, ids) into a table
      with an index on receipt (not timed), then times: opening the database
      and answering a first query, a lookup by receipt, and a search of the
      folded names with LIKE (every word must occur), as the store's search does.

Prints one JSON object of seconds.
"""
import json
import os
import sqlite3
import statistics
import sys
import time


def pct(samples, p):
    s = sorted(samples)
    return s[min(len(s) - 1, int(len(s) * p))]


def insert(db, body_path, n):
    body = open(body_path, encoding="utf-8").read()
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE IF NOT EXISTS dossiers (id TEXT PRIMARY KEY, body TEXT NOT NULL)")
    samples = []
    base = os.getpid() * 1_000_000 + int(time.time() * 1000) % 1_000_000
    for i in range(n):
        t = time.perf_counter()
        con.execute("BEGIN")
        con.execute("INSERT INTO dossiers (id, body) VALUES (?, ?)", (f"{base}-{i}", body))
        con.execute("COMMIT")
        samples.append(time.perf_counter() - t)
    con.close()
    return {"median": statistics.median(samples), "p99": pct(samples, 0.99), "mean": statistics.fmean(samples),
            "sqlite": sqlite3.sqlite_version}


def index(db, rows_path, queries_path):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE dossiers (id TEXT PRIMARY KEY, receipt TEXT NOT NULL, folded TEXT NOT NULL, ids TEXT NOT NULL)")
    con.execute("BEGIN")
    with open(rows_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            con.execute("INSERT INTO dossiers VALUES (?, ?, ?, ?)", (r["id"], r["receipt"], r["folded"], r["ids"]))
    con.execute("COMMIT")
    con.execute("CREATE INDEX by_receipt ON dossiers(receipt)")
    con.close()
    q = json.load(open(queries_path, encoding="utf-8"))

    opens = []
    for _ in range(5):
        t = time.perf_counter()
        c = sqlite3.connect(db)
        c.execute("SELECT id FROM dossiers WHERE receipt = ?", (q["receipts"][0],)).fetchall()
        opens.append(time.perf_counter() - t)
        c.close()
    con = sqlite3.connect(db)
    lookups = []
    for r in q["receipts"]:
        t = time.perf_counter()
        con.execute("SELECT id, folded FROM dossiers WHERE receipt = ?", (r,)).fetchall()
        lookups.append(time.perf_counter() - t)
    searches = {}
    for text in q["searches"]:
        words = text.split()
        sql = "SELECT id FROM dossiers WHERE " + " AND ".join(["(' ' || folded) LIKE ?"] * len(words))
        args = [f"% {w}%" for w in words]
        times, count = [], 0
        for _ in range(20):
            t = time.perf_counter()
            count = len(con.execute(sql, args).fetchall())
            times.append(time.perf_counter() - t)
        searches[text] = {"median": statistics.median(times), "count": count}
    return {"open": statistics.median(opens), "lookup": statistics.median(lookups), "search": searches,
            "sqlite": sqlite3.sqlite_version}


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "insert":
        print(json.dumps(insert(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    elif mode == "index":
        print(json.dumps(index(sys.argv[2], sys.argv[3], sys.argv[4])))
    else:
        sys.exit("usage: store_sqlite.py insert DB BODY N | index DB ROWS QUERIES")
