"""The Django admin opens for administrators on every registered model."""

from django.contrib import admin


def test_every_admin_list_and_add_page_opens(admin_user, client_for, nota_a):
    client = client_for(admin_user)
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        url = f"/beheer/{meta.app_label}/{meta.model_name}/"
        assert client.get(url).status_code == 200, url
        if model_admin.has_add_permission(type("R", (), {"user": admin_user})()):
            assert client.get(url + "add/").status_code == 200, url + "add/"


def test_others_are_sent_away_from_the_admin(coordinator_client, reviewer_client):
    for client in (coordinator_client, reviewer_client):
        assert client.get("/beheer/").status_code == 302


def test_the_empty_choice_of_a_select_is_dutch(admin_user, client_for):
    """Django 6.1's own blank choice label is not in Django's Dutch catalogue yet; ours has it."""
    page = client_for(admin_user).get("/beheer/netwerken/partner/add/")
    assert "- Kies een optie -" in page.text
    assert "Select an option" not in page.text
