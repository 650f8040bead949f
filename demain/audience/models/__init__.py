"""Audience models: readers, offer pages and their forms, gated downloads."""

from demain.audience.models.downloads import DownloadLead, Resource
from demain.audience.models.offers import Inquiry, OfferPage, PageSection, TrainingModule
from demain.audience.models.readers import (
    BlockedDomain,
    ConsentRecord,
    Subscriber,
    Suppression,
    email_hash,
)

__all__ = [
    "BlockedDomain",
    "ConsentRecord",
    "DownloadLead",
    "Inquiry",
    "OfferPage",
    "PageSection",
    "Resource",
    "Subscriber",
    "Suppression",
    "TrainingModule",
    "email_hash",
]
