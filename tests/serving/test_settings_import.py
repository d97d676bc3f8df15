"""Importing the settings creates nothing in the working directory; the data directory
(./var by default) is made where the database is first written, by `govcap migrate`, which
`govcap up` (so `make run`) runs first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOVCAP = str(Path(sys.executable).with_name("govcap"))


def bare_environment() -> dict[str, str]:
    """The laptop defaults: no GOVCAP_* setting, so the SQLite file goes in ./var."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOVCAP_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["PYTHONPATH"] = str(ROOT)
    return env


def test_importing_the_settings_in_an_empty_directory_creates_nothing(tmp_path: Path) -> None:
    code = ("import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'govcap.settings'; "
            "import govcap.settings as s; django.setup(); print(s.DATA_DIR)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=bare_environment(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == str(tmp_path / "var")
    assert list(tmp_path.iterdir()) == []


def test_migrate_makes_the_data_directory_where_the_database_goes(tmp_path: Path) -> None:
    done = subprocess.run([GOVCAP, "migrate", "--plan"], cwd=tmp_path, env=bare_environment(),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "var" / "govcap.sqlite3").is_file()
