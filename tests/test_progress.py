"""The set-up's progress display: which component trains, its epochs as a bar, and Rasa's last lines on failure."""
from __future__ import annotations

import io
import sys
import textwrap

import pytest

from bot.progress import TrainingFailed, run_training, step

# What `rasa train` prints: log lines, and tqdm redrawing its bar with carriage returns.
FAKE_RASA = textwrap.dedent("""
    import sys
    print("2026-12-03 INFO rasa.engine.training.hooks - Starting to train component 'CountVectorsFeaturizer'.", flush=True)
    print("2026-12-03 INFO rasa.engine.training.hooks - Starting to train component 'DIETClassifier'.", flush=True)
    for n in range(0, 41):
        sys.stderr.write(f"\\rEpochs: {100 * n // 40:3d}%|#####| {n}/40 [00:01<00:00, 1.00it/s, t_loss=1.0]")
        sys.stderr.flush()
    sys.stderr.write("\\n")
    print("a warning nobody needs to see", flush=True)
    sys.exit(int(sys.argv[1]))
""")


def _run(tmp_path, exit_code: int) -> str:
    script = tmp_path / "fake_rasa.py"
    script.write_text(FAKE_RASA)
    out = io.StringIO()
    run_training([sys.executable, str(script), str(exit_code)], tmp_path, {}, out)
    return out.getvalue()


def test_components_and_epochs_are_shown_and_the_noise_is_not(tmp_path):
    shown = _run(tmp_path, 0)
    lines = shown.splitlines()
    assert [line.split("] ")[-1] for line in lines if "training" in line] == ["training CountVectorsFeaturizer", "training DIETClassifier"]
    bars = [line.strip() for line in lines if "epochs" in line]
    # not a terminal: a line at the start, each quarter and the end, never forty
    assert bars[0].startswith("epochs [....") and bars[-1] == f"epochs [{'#' * 30}] 40/40" and len(bars) == 5
    assert "warning" not in shown


def test_a_failed_training_says_so_with_rasas_last_lines(tmp_path):
    with pytest.raises(TrainingFailed, match=r"(?s)exit 3.*a warning nobody needs to see"):
        _run(tmp_path, 3)


def test_a_step_says_what_it_does_and_how_long_it_took():
    out = io.StringIO()
    with step("Building the knowledge base", out):
        pass
    assert out.getvalue().splitlines() == ["==> Building the knowledge base", "    done in 0 s"]
