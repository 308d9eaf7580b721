"""A server process loads what serving pages needs, not what only payments, uploads, imports or exports need.

Each of these libraries is imported by the functions that use it (funding/stripe_client.py, publishing/images.py);
the behaviour of those paths is tested where they live (funding, desk and publishing tests). Here: the ASGI
application as each `masthead serve` process loads it (every URL module and view imported by the warm-up) has
imported none of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

NOT_FOR_SERVING = ("stripe", "requests", "PIL", "numpy", "ijson", "boto3", "storages",
                   "masthead.importing.loader", "masthead.exporting.bundle")


def test_a_started_server_process_has_not_imported_payment_image_import_or_export_libraries(tmp_path: Path) -> None:
    script = (
        "import json, os, sys\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'masthead.settings')\n"
        "import masthead.asgi\n"
        "from django.urls import reverse\n"
        "assert reverse('publishing:home') == '/'\n"
        f"print(json.dumps(sorted(set({list(NOT_FOR_SERVING)!r}) & set(sys.modules))))\n"
    )
    env = {**os.environ, "MASTHEAD_DATA_DIR": str(tmp_path), "DEBUG": "0", "LOG_LEVEL": "WARNING"}
    env.pop("MEDIA_S3_BUCKET", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[3], check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
