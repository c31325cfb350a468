"""A libzmq client doing what Circus 0.19's clients do, driven by the tests.

call ENDPOINT PAYLOAD...   a DEALER with a random 32-hex identity and linger 0 (circus.client.CircusClient):
                           each payload is sent as one frame with a fresh "id"; replies carrying another
                           id are skipped. Prints one JSON reply per line; exit 2 on a 5 s timeout.
                           A cast ("msg_type": "cast") is sent without waiting, as the plugins do.
hang ENDPOINT PAYLOAD      a DEALER that sends the payload, prints "sent", then prints what it receives
                           until it is killed.
hang-req ENDPOINT PAYLOAD  the same through a REQ socket (the 0.4-era docs' client).
deaf ENDPOINT PAYLOAD N    a DEALER that sends the payload N times, prints "sent", and never reads a reply.
subscribe ENDPOINT TOPIC.. a SUB with these prefix subscriptions (circus.consumer.CircusConsumer): prints
                           "topic<TAB>body" per message, flushed; exits after a topic ending in ".end".
stall ENDPOINT TOPIC       a SUB that prints its first message as subscribe does, then never reads again.
"""
import json
import signal
import sys
import uuid

import zmq

TIMEOUT_MS = 5000


def call(endpoint, payloads):
    context = zmq.Context()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
    socket.setsockopt(zmq.LINGER, 0)
    socket.connect(endpoint)
    poller = zmq.Poller()
    poller.register(socket, zmq.POLLIN)
    for payload in payloads:
        message = json.loads(payload)
        message["id"] = uuid.uuid4().hex
        socket.send(json.dumps(message).encode())
        if message.get("msg_type") == "cast":
            continue
        while True:
            if not poller.poll(TIMEOUT_MS):
                print("Timed out.", file=sys.stderr)
                return 2
            reply = json.loads(socket.recv())
            if reply.get("id") == message["id"]:
                print(json.dumps(reply), flush=True)
                break
    socket.close()
    context.term()
    return 0


def hang(kind, endpoint, payload):
    context = zmq.Context()
    socket = context.socket(kind)
    socket.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
    socket.connect(endpoint)
    socket.send(payload.encode())
    print("sent", flush=True)
    while True:
        print("received " + socket.recv().decode(), flush=True)


def deaf(endpoint, payload, count):
    context = zmq.Context()
    socket = context.socket(zmq.DEALER)
    socket.setsockopt(zmq.IDENTITY, uuid.uuid4().hex.encode())
    # A small receive queue: what does not fit stays with the server, which must not wait for it.
    socket.setsockopt(zmq.RCVHWM, 100)
    socket.connect(endpoint)
    for _ in range(count):
        socket.send(payload.encode())
    print("sent", flush=True)
    while True:
        signal.pause()


def stall(endpoint, topic):
    context = zmq.Context()
    socket = context.socket(zmq.SUB)
    socket.setsockopt(zmq.RCVHWM, 100)
    socket.connect(endpoint)
    socket.setsockopt(zmq.SUBSCRIBE, topic.encode())
    show(socket.recv_multipart())
    while True:
        signal.pause()


def subscribe(endpoint, topics):
    context = zmq.Context()
    socket = context.socket(zmq.SUB)
    socket.connect(endpoint)
    for topic in topics:
        socket.setsockopt(zmq.SUBSCRIBE, topic.encode())
    while True:
        frames = socket.recv_multipart()
        show(frames)
        if frames[0].endswith(b".end"):
            break
    socket.close()
    context.term()
    return 0


def show(frames):
    print("\t".join(frame.decode() for frame in frames), flush=True)


def main(argv):
    mode, endpoint, rest = argv[1], argv[2], argv[3:]
    if mode == "call":
        return call(endpoint, rest)
    if mode == "hang":
        return hang(zmq.DEALER, endpoint, rest[0])
    if mode == "hang-req":
        return hang(zmq.REQ, endpoint, rest[0])
    if mode == "deaf":
        return deaf(endpoint, rest[0], int(rest[1]))
    if mode == "stall":
        return stall(endpoint, rest[0])
    if mode == "subscribe":
        return subscribe(endpoint, rest)
    print("unknown mode " + mode, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
