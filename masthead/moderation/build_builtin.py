"""Build time: train the base model shipped in ``masthead/moderation/data/builtin.json.gz``.

    MODERATION_DATA_DIR=../shared/data/moderation python -m masthead.moderation.build_builtin

Needs scikit-learn (``pip install 'masthead[train]'``) and the public data (``public_corpus.py`` says which rows
and how they are weighted). The held-out fifth of every source is never trained on; the benign news-comment
sentences in it calibrate the model (``linear.py``: ``calibration``), so the publisher's "share of benign comments
held" maps to a threshold. ``masthead moderation_quality`` measures the result, leaving whole sources out.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from masthead.moderation.datasets import Sourced

from masthead.moderation import datasets, public_corpus
from masthead.moderation.hate import is_bare_mention
from masthead.moderation.linear import LinearModel, save
from masthead.moderation.normalise import normalise
from masthead.moderation.training import fit

BUILTIN_PATH = Path(__file__).resolve().parent / "data" / "builtin.json.gz"
BUILTIN_ID = "masthead-linear"
BUILTIN_VERSION = "2.17-news"
BASE_C = 1.0
STRUCTURE = True  # weigh hate.py's structure signals (identity-directed derogation, threats) as features
HATE_SHARE = 0.5  # half of Davidson's toxic weight on its hate-speech class (6% of its toxic tweets)
STRUCTURE_SCALE = 3.0
# Shrinkage of the word block by evidence (linear.py, ``evidence``): one distinct word weighs as much as the benign
# baseline. k = 1 rather than 3: leave-one-source-out ROC-AUC (the guide) was higher at 1 (Civil 0.767 vs 0.764,
# identity 0.893 vs 0.890) and fewer benign identity comments were held; HateCheck was not used to choose.
EVIDENCE_PRIOR = 1.0
# The span block (linear.py, ``span``): the words written together, each word's own 4-grams and the one 4-gram
# centred on each boundary between words (features.centred_span_grams), every occurrence counted, the 20,000 most
# frequent. Chosen by leave-one-source-out ROC-AUC (docs/moderation.md, "Character n-grams across word
# boundaries"): 20,000 and 50,000 grams tied (sums of the four AUCs equal to the fourth decimal), and the smaller
# table is the faster one; HateCheck was measured once, after. () leaves the block out.
SPANS: tuple[int, ...] = (4,)
MAX_SPANS = 20000
SPAN_JOINER = ""
SPAN_CROSSING = False
SPAN_COUNTED = True
SPAN_CENTRED = True
# Group contexts (hate.py, ``GROUP_FORMS`` and ``WORD_FORMS``): identity-group mentions abstracted to one token and
# the words around them as features, so what is learned about one group holds for all. "words+pairs": the word
# block also counts the group token and the word pairs it forms ("GRP are", "hate GRP"), in the same TF-IDF vector.
# Chosen by leave-one-source-out ROC-AUC alone among seven forms (docs/moderation.md, "Group contexts"); a separate
# ``group`` block (a name of ``GROUP_FORMS``) and ``GROUP_SCALE`` < 1 were measured and not kept. "" leaves it out.
GROUPS = "words+pairs"
MAX_GROUPS = 20000
GROUP_SCALE = 1.0
# Identity-term bias: the public sources' toxic rows name groups far more often than their benign ones, so a
# linear model learns that naming a group ("black", "women", the group token) is itself a sign of abuse, and
# "Black people are great." scores like an insult. Capping those features' weights at zero leaves only what is
# said about a group to weigh (its contexts, "GRP are vermin"); measured in docs/moderation.md (2.11-news).
CAP_BARE_MENTIONS = True


def build(rows: list[Sourced] | None = None, *, leave_out: str = "", version: str = BUILTIN_VERSION,
          structure: bool = STRUCTURE, hate_share: float = HATE_SHARE,
          structure_scale: float = STRUCTURE_SCALE, evidence_prior: float = EVIDENCE_PRIOR,
          spans: tuple[int, ...] = SPANS, max_spans: int = MAX_SPANS, span_joiner: str = SPAN_JOINER,
          span_crossing: bool = SPAN_CROSSING, span_counted: bool = SPAN_COUNTED, span_centred: bool = SPAN_CENTRED,
          groups: str = GROUPS, max_groups: int = MAX_GROUPS,
          group_scale: float = GROUP_SCALE, c: float = BASE_C,
          cap_mentions: bool = CAP_BARE_MENTIONS) -> dict[str, Any]:
    """The base model as our JSON layout, trained on every source but ``leave_out``, calibrated."""

    rows = public_corpus.all_examples() if rows is None else rows
    train = public_corpus.training_rows(rows, leave_out=leave_out)
    counts = {source: sum(1 for row in train if row.source == source) for source in public_corpus.SOURCES}
    data = fit([row.text for row in train], [row.label for row in train], model_id=BUILTIN_ID, version=version,
               sample_weight=public_corpus.balanced_weights(train, hate_share=hate_share), c=c,
               structure=structure, structure_scale=structure_scale, spans=spans, max_spans=max_spans,
               span_joiner=span_joiner, span_crossing=span_crossing, span_counted=span_counted,
               span_centred=span_centred, groups=groups, max_groups=max_groups,
               group_scale=group_scale,
               info={"trained_on": "Davidson et al. 2017 (MIT, training split), Civil Comments ToxicSpans "
                                   "sentences and toxic comments (CC0), Wikipedia talk (CC BY-SA), Wikipedia "
                                   "identity sentences (CC BY-SA), comments written for Masthead "
                                   "(masthead/moderation/written); held-out fifths excluded",
                     "rows_per_source": counts, "left_out": leave_out,
                     "labels": "toxic, hateful or offensive = 1"})
    if cap_mentions:
        data["info"]["capped_mentions"] = cap_bare_mentions(data)
    model = LinearModel.from_dict(data)
    # The benign baseline of the evidence shrinkage stays that of the news-comment sentences (the scores do not
    # move with the calibration set).
    benign = [normalise(row.text).text for row in public_corpus.benign_news_sentences(rows)]
    if evidence_prior:
        baseline = statistics.median(model.word_block_score(text) for text in benign)
        data["evidence"] = {"prior": evidence_prior, "baseline": round(baseline, 5)}
        model = LinearModel.from_dict(data)
    calibrating = public_corpus.calibration_comments(rows, leave_out=leave_out)
    calibration = [model.probability(normalise(row.text).text) for row in calibrating]
    data["calibration"] = [round(score, 5) for score in sorted(calibration)]
    kinds = Counter(row.source for row in calibrating)
    data["info"]["calibrated_on"] = (f"{len(calibration)} held-out benign comments: " + ", ".join(
        f"{count} {public_corpus.CALIBRATION_SOURCES[source]}" for source, count in kinds.items()))
    return data


def cap_bare_mentions(data: dict[str, Any]) -> int:
    """Cap at zero the word block's weights of features that only name a group (``hate.is_bare_mention``), so a
    mention alone never raises a score; returns how many were capped."""
    capped = 0
    for block in data["blocks"]:
        if block["analyzer"] != "word":
            continue
        weights = block["weights"]
        for at, feature in enumerate(block["features"]):
            if weights[at] > 0 and is_bare_mention(feature):
                weights[at] = 0.0
                capped += 1
    return capped


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()

    if not datasets.available(datasets.CIVIL_SENTENCES_FILE):
        print(f"no {datasets.CIVIL_SENTENCES_FILE} in {datasets.data_dir()} (set MODERATION_DATA_DIR)",
              file=sys.stderr)
        return 1
    data = build()
    save(BUILTIN_PATH, data)
    print(f"wrote {BUILTIN_PATH} ({BUILTIN_PATH.stat().st_size / 1e6:.1f} MB, {data['info']['examples']} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
