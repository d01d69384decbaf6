#!/usr/bin/env python3
"""Times Python's jsonschema (all errors, Draft 2020-12 with format checks) and
fastjsonschema (first error only) on the 40-field peer dossier. Prints one JSON
object: median seconds per validation for each. Used by `motcua-bench forms`."""
import json, os, sys, time

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "peer")
schema = json.load(open(os.path.join(HERE, "schema-40.json"), encoding="utf-8"))
dossier = json.load(open(os.path.join(HERE, "dossier-40.schema.json"), encoding="utf-8"))

def median_time(fn, n):
    for _ in range(max(10, n // 20)):
        fn()
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    samples.sort()
    return samples[len(samples) // 2]

out = {}
import jsonschema
v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
assert not list(v.iter_errors(dossier)), list(v.iter_errors(dossier))
out["jsonschema"] = median_time(lambda: list(v.iter_errors(dossier)), 2000)
import fastjsonschema
fv = fastjsonschema.compile(schema)
fv(dossier)
out["fastjsonschema"] = median_time(lambda: fv(dossier), 20000)
out["jsonschema_version"] = jsonschema.__version__
out["fastjsonschema_version"] = fastjsonschema.VERSION
print(json.dumps(out))
