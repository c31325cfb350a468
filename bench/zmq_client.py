#!/usr/bin/env python3
"""A minimal Circus command client on pyzmq, as Python Circus's own client talks: a DEALER socket,
one JSON request {"id", "command", "properties"} per message, the reply read before the next call.
Run by control_plane.py with a python3 that has pyzmq (Debian: python3-zmq).

  zmq_client.py latency ENDPOINT CALLS WARMUP   -> {"p50_us", "p90_us", "p99_us", "max_us", "calls_per_s"}
  zmq_client.py throughput ENDPOINT SECONDS     -> {"calls": N, "seconds": S}
  zmq_client.py call ENDPOINT COMMAND PROPS     -> {"sent_ns": CLOCK_MONOTONIC ns, "reply": {...}}
"""

import json
import sys
import time
import uuid

import zmq


class Client:
    def __init__(self, endpoint):
        self.context = zmq.Context()
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.connect(endpoint)

    def call(self, command, properties=None, timeout_ms=30000):
        request = {"id": uuid.uuid4().hex, "command": command, "properties": properties or {}}
        self.socket.send(json.dumps(request).encode())
        if not self.socket.poll(timeout_ms):
            raise SystemExit(f"no reply to {command} within {timeout_ms} ms")
        reply = json.loads(self.socket.recv())
        if reply.get("status") == "error":
            raise SystemExit(f"{command}: error reply {reply}")
        return reply

    def close(self):
        self.socket.close()
        self.context.term()


def nearest_rank(sorted_values, p):
    rank = -(-len(sorted_values) * p // 100)
    return sorted_values[max(0, rank - 1)]


def latency(client, calls, warmup):
    for _ in range(warmup):
        client.call("list")
    times = []
    start = time.perf_counter_ns()
    for _ in range(calls):
        t0 = time.perf_counter_ns()
        client.call("list")
        times.append(time.perf_counter_ns() - t0)
    seconds = (time.perf_counter_ns() - start) / 1e9
    times.sort()
    return {"p50_us": nearest_rank(times, 50) / 1e3, "p90_us": nearest_rank(times, 90) / 1e3,
            "p99_us": nearest_rank(times, 99) / 1e3, "max_us": times[-1] / 1e3, "calls_per_s": calls / seconds}


def throughput(client, seconds):
    client.call("list")  # connected before the clock starts
    calls = 0
    start = time.monotonic()
    deadline = start + seconds
    while time.monotonic() < deadline:
        client.call("list")
        calls += 1
    return {"calls": calls, "seconds": time.monotonic() - start}


def main():
    mode, endpoint = sys.argv[1], sys.argv[2]
    client = Client(endpoint)
    try:
        if mode == "latency":
            result = latency(client, int(sys.argv[3]), int(sys.argv[4]))
        elif mode == "throughput":
            result = throughput(client, float(sys.argv[3]))
        elif mode == "call":
            client.call("list")  # connected before the clock starts
            sent = time.monotonic_ns()
            result = {"sent_ns": sent, "reply": client.call(sys.argv[3], json.loads(sys.argv[4]))}
        else:
            raise SystemExit(f"unknown mode {mode}")
    finally:
        client.close()
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
