#!/usr/bin/env python3
"""A provincial receiver for MotCua's HTTP delivery contract (docs/DELIVERY.md),
standard library only, for tests and the benchmark.

It stores dossiers in memory as a real receiver would (201 new, 200 with the
same hash echoed, 409 for other content under an id), and can be scripted to
misbehave per dossier id: --script FILE holds {"<id>": "<behaviour>"} with
behaviours 201, 200-same, 409, 422, 401, 429, 503, portal (an HTML 200),
slow (answers after --slow seconds), reset (closes with a TCP reset).
It prints the port it listens on as the first line of stdout, and appends one
JSON line per request to --log (method, path, headers, body sha256).
"""
import argparse, hashlib, json, socket, ssl, struct, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, default=0)
ap.add_argument("--script")
ap.add_argument("--log")
ap.add_argument("--token")
ap.add_argument("--slow", type=float, default=5.0)
ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
args = ap.parse_args()

script = json.load(open(args.script)) if args.script else {}
stored = {}
lock = threading.Lock()
log = open(args.log, "a") if args.log else None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, body, ctype="application/json", extra=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self):
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n)
        digest = hashlib.sha256(body).hexdigest()
        did = self.path.rsplit("/", 1)[-1]
        if log:
            with lock:
                log.write(json.dumps({"method": "PUT", "path": self.path, "sha256": digest,
                                      "headers": {k.lower(): v for k, v in self.headers.items()}}) + "\n")
                log.flush()
        if args.token and self.headers.get("Authorization") != "Bearer " + args.token:
            return self.reply(401, json.dumps({"error": "invalid token"}))
        if not self.path.startswith("/dossiers/"):
            return self.reply(404, json.dumps({"error": "no such endpoint"}))
        how = script.get(did, "store")
        if how == "reset":
            # SO_LINGER 0: close() sends RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        if how == "slow":
            time.sleep(args.slow)
            how = "store"
        if how == "201":
            return self.reply(201, json.dumps({"id": did, "sha256": digest}))
        if how == "200-same":
            return self.reply(200, json.dumps({"id": did, "sha256": digest}))
        if how == "409":
            return self.reply(409, json.dumps({"error": "receipt code already used by another dossier"}))
        if how == "422":
            return self.reply(422, json.dumps({"error": "MaTTHC 1.001193 is not offered by this agency"}))
        if how == "401":
            return self.reply(401, json.dumps({"error": "token expired"}))
        if how == "429":
            return self.reply(429, json.dumps({"error": "slow down"}), extra=[("Retry-After", "120")])
        if how == "503":
            return self.reply(503, "<html><body>Service Unavailable</body></html>", "text/html")
        if how == "portal":
            return self.reply(200, "<html><head><title>Wi-Fi login</title></head><body>Accept the terms</body></html>", "text/html")
        if self.headers.get("Content-SHA256") != digest:
            return self.reply(400, json.dumps({"error": "Content-SHA256 does not match the body"}))
        with lock:
            have = stored.get(did)
            if have is None:
                stored[did] = digest
                status = 201
            elif have == digest:
                status = 200
            else:
                return self.reply(409, json.dumps({"error": "other content under this id", "sha256": have}))
        self.reply(status, json.dumps({"id": did, "sha256": digest}))


server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
server.daemon_threads = True
if args.tls:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(args.tls[0], args.tls[1])
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
