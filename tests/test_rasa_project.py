"""The Rasa project itself: its data validates, its generated data is current, its stories hold."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot import training_data
from bot.serve import ROOT, environment, rasa


def test_generated_training_data_is_current(kb):
    assert training_data.is_current(kb), "run `send-guide training-data` and commit data/nlu/generated.yml"


def test_generated_data_names_every_role_alias(kb):
    text = training_data.GENERATED.read_text(encoding="utf-8")
    for role in kb.roles:
        for alias in (role.name, *role.aliases):
            assert f"- {alias}\n" in text


def test_rasa_data_validates_without_warnings():
    result = subprocess.run(rasa("data", "validate", "--fail-on-warnings", "--data", "data", "--domain", "domain.yml",
                                 "--config", "config.yml"), cwd=ROOT, env=environment(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.mark.assistant
def test_conversation_stories_are_predicted(assistant, tmp_path: Path):
    out = tmp_path / "results"
    result = subprocess.run(rasa("test", "core", "--stories", "tests/stories", "--model", str(assistant.model), "--out", str(out),
                                 "--fail-on-prediction-errors", "--endpoints", "endpoints.yml"),
                            cwd=ROOT, env=environment(), capture_output=True, text=True, timeout=600)
    failed = (out / "failed_test_stories.yml").read_text() if (out / "failed_test_stories.yml").exists() else ""
    assert result.returncode == 0, failed or result.stdout[-3000:]
