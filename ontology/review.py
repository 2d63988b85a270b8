"""Review vocabulary: what a person can do to what the machine read, and why a fact is queued.

A correction is a record with an :class:`Action` code, never a sentence; each face renders the
codes with ``viz.i18n`` (``ACTION_LABELS``, ``DOUBT_LABELS``). ``graph.corrections`` applies them,
``graph.review`` builds the queue of facts most worth a look, ordered by :data:`DOUBT_WEIGHT`.
"""

from enum import StrEnum

from ontology.terms import IDENTITY_FIELDS

__all__ = [
    "DOCUMENT_ACTIONS",
    "DOCUMENT_FIELDS",
    "DOUBT_WEIGHT",
    "LINK_ACTIONS",
    "LOW_CONFIDENCE",
    "REVIEW_RULE",
    "Action",
    "Doubt",
    "ReviewState",
]


class Action(StrEnum):
    """What a correction does. Link actions name a reference of one file by its number."""

    CONFIRM = "confirm"  # right as read: a link (value: the relation confirmed, or none), or a document
    REJECT = "reject"  # not a reference at all: the link goes
    RELATION = "relation"  # value: the relation it is (cites → implements ...)
    RETARGET = "retarget"  # value: the key of the document it means
    ADD_LINK = "add_link"  # a link the text does not state; field: relation, value: target key
    SET = "set"  # a document field (field, value); value None clears it
    NOT_DOCUMENT = "not_document"  # value "no": not an official document; "yes": it is one
    MERGE = "merge"  # value: the key of the document this file's document is one with
    SPLIT = "split"  # value: a suffix; this file's document is another document than its key's


LINK_ACTIONS = frozenset({Action.CONFIRM, Action.REJECT, Action.RELATION, Action.RETARGET})
DOCUMENT_ACTIONS = frozenset({Action.SET, Action.NOT_DOCUMENT, Action.MERGE, Action.SPLIT, Action.ADD_LINK})

# The fields of a document a reviewer may set (``Action.SET``).
DOCUMENT_FIELDS = (*IDENTITY_FIELDS, "signer")

# The rule name a reviewed reference carries, and its confidence.
REVIEW_RULE = "review"

# Below this a machine-read relation is "of low confidence" (queued first, marked in reports).
LOW_CONFIDENCE = 0.8


class Doubt(StrEnum):
    """Why a fact is in the review queue."""

    RELATION_LOW = "relation_low"  # a relation read by a rule of low measured confidence
    AMBIGUOUS = "ambiguous"  # the reference matches several documents
    PROBABLE = "probable"  # resolved by a looser rule than the exact number and scope
    IDENTITY_COLLISION = "identity_collision"  # files of one key that disagree
    NO_DATE = "no_date"
    NO_PROVINCE = "no_province"
    OCR = "ocr"  # some text came from OCR
    NOT_DOCUMENT = "not_document"  # the machine left it out as no official document
    UNATTACHED = "unattached"  # a correction that no longer finds its target


# How much each doubt weighs in the queue's order (added to 1 − confidence for relations).
DOUBT_WEIGHT: dict[Doubt, float] = {
    Doubt.UNATTACHED: 3.0,
    Doubt.AMBIGUOUS: 1.5,
    Doubt.IDENTITY_COLLISION: 1.4,
    Doubt.RELATION_LOW: 1.0,
    Doubt.NO_PROVINCE: 0.9,
    Doubt.PROBABLE: 0.8,
    Doubt.NO_DATE: 0.7,
    Doubt.NOT_DOCUMENT: 0.6,
    Doubt.OCR: 0.5,
}


class ReviewState(StrEnum):
    """Whether a person confirmed the facts a gap row rests on (``graph.review_state``): every face
    shows it beside the row and counts rows by it."""

    CONFIRMED = (
        "confirmed"  # a person corrected or confirmed its document, or reviewed every link it rests on
    )
    MACHINE_READ = "machine_read"  # read by the machine alone
    LOW_CONFIDENCE = "low_confidence"  # machine-read, and a link it rests on is below LOW_CONFIDENCE
