#!/usr/bin/env python3
"""A small HTTP worker for circusd's sockets (Python 3 standard library only).

    http_worker.py FD [NAME]                  serve on the listening socket inherited as FD
    http_worker.py --reuseport HOST:PORT [NAME]   bind a socket of its own with SO_REUSEPORT

With FD, circusd owns the socket ($(circus.sockets.NAME) in the watcher's cmd) and every worker
of the watcher takes connections from it: a worker can die or be replaced and no connection is
refused, since the socket stays open in circusd. --reuseport is the usual alternative, for
comparison (see bench/sockets.py): each worker binds the port itself.

Every GET is answered with one line, "NAME PID PATH", then the connection is closed (HTTP/1.0);
a query "ms=N" makes it wait N milliseconds first, like a slow request. On SIGTERM (or SIGINT)
the worker takes no more connections, finishes the request it is serving, and exits 0.
"""

import http.server
import os
import select
import signal
import socket
import sys
import time
import traceback
import urllib.parse

# A client that connects and sends nothing does not hold a worker for ever.
REQUEST_TIMEOUT = 30


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "circus-example-worker/1"
    timeout = REQUEST_TIMEOUT

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        delay = urllib.parse.parse_qs(url.query).get("ms")
        if delay:
            time.sleep(int(delay[0]) / 1000)
        body = f"{self.server.name} {os.getpid()} {url.path}\n".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        # Quiet: one line per request would drown circusd's output (and a unix socket's client
        # address is not the (host, port) pair the default format expects).
        pass


class Worker:
    """Accepts connections one at a time; checks for a stop request between two of them."""

    def __init__(self, listener, name):
        self.listener = listener
        self.name = name
        self.stopping = False
        # The signal handler only sets a flag; the wake-up pipe makes select() return at once.
        self.wake_r, wake_w = os.pipe()
        os.set_blocking(wake_w, False)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)

    def stop(self, signum, frame):
        self.stopping = True

    def serve(self):
        while not self.stopping:
            ready, _, _ = select.select([self.listener, self.wake_r], [], [])
            if self.wake_r in ready:
                os.read(self.wake_r, 64)
            if self.stopping or self.listener not in ready:
                continue
            try:
                connection, address = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                continue  # another worker took that connection
            connection.setblocking(True)
            with connection:
                try:
                    Handler(connection, address, self)
                except OSError:
                    pass  # the client went away
                except Exception:  # noqa: BLE001 - one bad request must not end the worker
                    traceback.print_exc()


def listener_from(args):
    if args[0] == "--reuseport":
        host, _, port = args[1].rpartition(":")
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        own = socket.socket(family, socket.SOCK_STREAM)
        own.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        own.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        own.bind((host.strip("[]"), int(port)))
        own.listen(2048)
        return own, args[2:]
    # Family and type are read from the descriptor itself.
    return socket.socket(fileno=int(args[0])), args[1:]


def main(args):
    if not args or args[0] in ("-h", "--help") or (args[0] == "--reuseport" and len(args) < 2):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    listener, rest = listener_from(args)
    name = rest[0] if rest else "worker"
    print(f"{name} {os.getpid()}: serving on {listener.getsockname() or 'an unnamed socket'}", flush=True)
    Worker(listener, name).serve()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
