"""`send-guide serve` as a person runs it: it starts both servers, answers, and stops both on Ctrl-C."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from bot.serve import ROOT, environment, model_path, training_hash
from tests.services import free_port

pytestmark = pytest.mark.assistant


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_the_model_name_follows_the_training_inputs():
    assert training_hash() in model_path().name and len(training_hash()) == 16


def test_serve_runs_answers_and_stops_cleanly(assistant, tmp_path: Path):
    port, actions_port = free_port(), free_port()
    env = {**environment(f"sqlite:///{tmp_path / 'serve.db'}"), "PYTHONUNBUFFERED": "1"}
    for name in ("SEND_GUIDE_API_TOKEN", "SLACK_TOKEN", "SLACK_SIGNING_SECRET", "MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD"):
        env.pop(name, None)
    log = (tmp_path / "serve.log").open("w+")
    process = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve", "--port", str(port), "--actions-port", str(actions_port)],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while "is running" not in (tmp_path / "serve.log").read_text() and time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()[-2000:]
            time.sleep(1)
        output = (tmp_path / "serve.log").read_text()
        assert "Model is up to date" in output, "an unchanged project must not retrain"
        assert f"http://127.0.0.1:{port}/webhooks/rest/webhook" in output
        assert f"http://127.0.0.1:{port}/webhooks/webchat/" in output
        for channel, variable in (("slack", "SLACK_SIGNING_SECRET"), ("botframework", "MICROSOFT_APP_PASSWORD")):
            off = requests.post(f"http://127.0.0.1:{port}/webhooks/{channel}/webhook", json={}, timeout=10)
            assert off.status_code == 404 and variable in off.json()["error"]  # off while its settings are unset
        reply = requests.post(f"http://127.0.0.1:{port}/webhooks/rest/webhook", json={"sender": "s", "message": "I'm a DHO"}, timeout=60)
        assert "You need Level 5" in reply.text
        assert requests.get(f"http://127.0.0.1:{port}/status", timeout=10).status_code in (403, 404)  # no HTTP API without a token
        os.killpg(process.pid, signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    time.sleep(1)
    assert not _listening(port) and not _listening(actions_port)
