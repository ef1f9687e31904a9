"""A stand-in for HashiCorp Vault's KV v2 read API, for tests (Vault itself is not installable here).

Usage: python3 vault_stub.py TOKEN SECRETS_JSON [LIFETIME_SECONDS]
SECRETS_JSON maps "mount/path" to an object of fields, e.g. {"secret/app/db": {"password": "pw"}}.
Serves GET /v1/<mount>/data/<path> on a free loopback port, checking the X-Vault-Token header,
and prints the port on its first line of output. Answers like Vault: 403 for a bad token, 404 for
an unknown path, else {"data": {"data": {...}, "metadata": {...}}}. Exits by itself after
LIFETIME_SECONDS (default 60), so a test that stops early never leaves it behind.
"""
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOKEN = sys.argv[1]
SECRETS = json.loads(sys.argv[2])


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.headers.get("X-Vault-Token") != TOKEN:
            return self.answer(403, {"errors": ["permission denied"]})
        parts = self.path.split("/")
        # /v1/<mount>/data/<path...>
        if len(parts) < 5 or parts[1] != "v1" or parts[3] != "data":
            return self.answer(404, {"errors": []})
        key = parts[2] + "/" + "/".join(parts[4:])
        if key not in SECRETS:
            return self.answer(404, {"errors": []})
        self.answer(200, {"data": {"data": SECRETS[key], "metadata": {"version": 1}}})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Handler)
server.timeout = 0.2
print(server.server_address[1], flush=True)
deadline = time.monotonic() + (float(sys.argv[3]) if len(sys.argv) > 3 else 60.0)
while time.monotonic() < deadline:
    server.handle_request()
