#!/usr/bin/env python3
"""Peer for `motcua-bench qr`: times segno (PyPI) encoding the same inputs.

Reads a JSON list of {"name", "text", "ecc", "iterations"} from argv[1] and
prints a JSON object name -> {"median", "min", "version", "mask"} in seconds.
segno chooses its own mode and mask, as our encoder does; boost_error=False
keeps the level the same as ours."""
import json
import sys
import time

try:
    import segno
except ImportError:
    sys.stderr.write("segno is not installed: run `pip install segno`\n")
    sys.exit(3)


def measure(text, ecc, iterations, warmup=3):
    data = text.encode("utf-8")
    for _ in range(warmup):
        qr = segno.make_qr(data, error=ecc, boost_error=False)
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        qr = segno.make_qr(data, error=ecc, boost_error=False)
        samples.append(time.perf_counter() - start)
    samples.sort()
    return {"median": samples[len(samples) // 2], "min": samples[0], "version": qr.version, "mask": qr.mask}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    json.dump({c["name"]: measure(c["text"], c["ecc"], c["iterations"]) for c in cases}, sys.stdout)


if __name__ == "__main__":
    main()
