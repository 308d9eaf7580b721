"""One-off: train the model shipped in ``masthead/moderation/data/`` from the Davidson training split.

    .venv/bin/python -m masthead.moderation.build_builtin

Needs scikit-learn (``pip install 'masthead[train]'``) and ../shared/data/moderation. The held-out fifth of
Davidson (``datasets.is_held_out``) is never used here; ``masthead moderation_quality`` evaluates on it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

BUILTIN_PATH = Path(__file__).resolve().parent / "data" / "builtin.json.gz"
BUILTIN_ID = "masthead-linear"
BUILTIN_VERSION = "1.0-davidson"


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    from masthead.moderation import datasets
    from masthead.moderation.linear import save
    from masthead.moderation.training import fit

    if not datasets.available(datasets.DAVIDSON_FILE):
        print(f"no {datasets.DAVIDSON_FILE} in {datasets.data_dir()}", file=sys.stderr)
        return 1
    examples = list(datasets.davidson(held_out=False))
    model = fit([e.text for e in examples], [e.label for e in examples], model_id=BUILTIN_ID,
                version=BUILTIN_VERSION,
                info={"trained_on": "Davidson et al. 2017 (MIT), training split (80%, hash-selected)",
                      "labels": "hate or offensive = 1, neither = 0"})

    save(BUILTIN_PATH, model)
    print(f"wrote {BUILTIN_PATH} ({BUILTIN_PATH.stat().st_size / 1e6:.1f} MB, {len(examples)} examples)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
