"""The bounce events' admin (registered by importing demain.delivery.bounces.admin)."""

from __future__ import annotations

import pytest

from demain.audience.models import Suppression
from demain.delivery.bounces import admin as bounces_admin  # noqa: F401 - registers the admin
from demain.delivery.bounces import record
from demain.delivery.models import BounceEvent


@pytest.mark.django_db
def test_it_lists_events_and_retries_pending_ones(admin_client):
    created, _ = record.store("generic", "{}", [record.Event("hard", "eve@example.org", "550 5.1.1", "k1")])
    response = admin_client.get("/admin/delivery/bounceevent/")
    assert response.status_code == 200 and "eve@example.org" in response.text
    response = admin_client.post("/admin/delivery/bounceevent/", {
        "action": "retry_selected", "_selected_action": [created[0].pk],
    }, follow=True)
    assert "0 échec" in response.text
    assert BounceEvent.objects.get().processed and Suppression.covers("eve@example.org")
