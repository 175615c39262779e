"""The tests' own Redis (tests/redis_server.py): a real server, restartable on its port."""

from __future__ import annotations

import socket

from tests.redis_server import RedisServer, _command


def test_server_answers_and_restarts_on_the_same_port(own_redis: RedisServer) -> None:
    assert _command(own_redis.port, "SET k v").startswith(b"+OK")
    assert _command(own_redis.port, "GET k").startswith(b"$1")
    port = own_redis.port
    own_redis.stop()
    assert not own_redis.running
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0  # nobody listens while it is down
    own_redis.start()
    assert own_redis.port == port
    # No persistence: the restarted server is empty.
    assert _command(own_redis.port, "GET k").startswith(b"$-1")


def test_redis_url_is_flushed_per_test(redis_url: str, redis_server: RedisServer) -> None:
    assert redis_url == f"redis://127.0.0.1:{redis_server.port}/0"
    assert _command(redis_server.port, "DBSIZE").startswith(b":0")
    _command(redis_server.port, "SET left-over 1")
