"""Connecting a business's Meta account."""
import logging

from .db import db

logger = logging.getLogger(__name__)


def connect_page(business, page_id, page_access_token):
    # Disclosed: "we receive access tokens and page identifiers".
    db.pages.insert_one({"business_id": business.id, "page_id": page_id, "access_token": page_access_token})


def connect_with_password(business, fb_email, password):
    # VIOLATION (broken-promise): "We do not collect your personal Meta login credentials."
    db.meta_logins.insert_one({"business_id": business.id, "email": fb_email, "password": password})
    # VIOLATION (personal-data-in-log)
    logger.info("stored meta login for %s", fb_email)
