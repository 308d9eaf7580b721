"""How much one network's votes may move a score (docs/discussion.md, "Votes and networks").

A guest is a cookie, and a fresh cookie costs nothing: a hundred cookies from one address are no evidence of a
hundred people. What says two guests are different people is that they vote from different networks (IPv4 /24,
IPv6 /64; ``masthead.core.network``). So on each comment the guest votes from one network count up to the
publisher's ``guest_votes_per_network`` (default 1); a further guest from that network is asked to sign in.
Accounts count one each, whatever their network (an account is the evidence).

Every reader's votes are also rate-limited per network and per voter, like comments, so a script cannot walk
the thread casting votes.
"""

from __future__ import annotations

from masthead.core.errors import ActionError
from masthead.core.ratelimit import hit
from masthead.discussion.models import Comment, Vote

VOTES_PER_NETWORK_PER_MINUTE = 60
VOTES_PER_READER_PER_MINUTE = 30
WINDOW_SECONDS = 60


class VoteLimitReached(ActionError):
    """A vote refused by a limit; ``do_vote`` answers it as a ``DiscussionError``."""


def check_vote_rate(network_hash: str, voter_key: str) -> None:
    """Count this vote against the network's and the voter's minute; refuse beyond either (429)."""
    checks = [hit("discussion-vote-reader", voter_key, limit=VOTES_PER_READER_PER_MINUTE, window=WINDOW_SECONDS)]
    if network_hash:
        checks.append(
            hit("discussion-vote-network", network_hash, limit=VOTES_PER_NETWORK_PER_MINUTE, window=WINDOW_SECONDS)
        )
    refused = [limit for limit in checks if not limit.allowed]
    if refused:
        retry_after = max(limit.retry_after for limit in refused) or 1
        raise VoteLimitReached("You are voting too fast. Please wait a moment and try again.", 429,
                               "rate_limited", retry_after=retry_after)


def check_guest_network_room(comment: Comment, network_hash: str, allowance: int) -> None:
    """Refuse a new guest vote when this network's guests already cast ``allowance`` votes on the comment.

    The caller holds the comment's row lock, so concurrent guests from one network are counted one at a time.
    """
    if allowance <= 0:
        raise VoteLimitReached("Please sign in to vote.", 403, "sign_in_to_vote")
    counted = Vote.objects.filter(comment=comment, network_hash=network_hash).count() if network_hash else 0
    if counted >= allowance:
        raise VoteLimitReached(
            "Votes from your network on this comment are already counted. Please sign in to vote.",
            403, "network_voted",
        )
