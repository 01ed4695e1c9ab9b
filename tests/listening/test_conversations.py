"""Anonymous conversations: sending, reading with the private code, replies, flags, scope."""

import re

import pytest
from django.urls import reverse

from tests.factories import Role
from workforce_health.listening import codes, services
from workforce_health.listening.models import Conversation, FlagCategory, FullTextView, Message


def _send(client, council, message="Caseloads in our team are too high", **extra):
    client.force_login(council.users[Role.PRACTITIONER])
    response = client.post(
        reverse("listening-anonymous-new"),
        {"recipient": "leadership", "message": message, **extra},
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    code = re.search(
        r"<strong>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})</strong>", response.content.decode()
    )
    assert code, "the page shows the private code"
    return code.group(1)


@pytest.mark.django_db
def test_a_practitioner_sends_a_leader_replies_and_the_practitioner_reads_it(council, client):
    code = _send(client, council)
    conversation = Conversation.objects.get()
    assert conversation.status == Conversation.Status.AWAITING
    assert conversation.revealed_name == ""
    lead = council.users[Role.WORKFORCE_LEAD]
    client.force_login(lead)
    inbox = client.get(reverse("listening-inbox"))
    assert "Caseloads in our team are too high" in inbox.content.decode()
    client.post(
        reverse("listening-conversation", args=[conversation.pk]),
        {"action": "reply", "reply": "Thank you: we are reviewing caseload weighting."},
    )
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.REPLIED
    client.logout()  # reading needs only the code
    page = client.post(
        reverse("listening-anonymous-read"), {"code": code.lower().replace("-", " ")}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "we are reviewing caseload weighting" in text
    assert "Workforce lead" in text  # replies are signed with the role
    assert lead.username not in text  # ...not the leader's sign-in, on the sender's page


@pytest.mark.django_db
def test_a_wrong_code_finds_nothing(council, client):
    _send(client, council)
    response = client.post(reverse("listening-anonymous-read"), {"code": codes.new_code()})
    assert response.status_code == 400
    assert "No conversation has this code" in response.content.decode()


@pytest.mark.django_db
def test_writing_again_reopens_and_a_repeated_form_sends_once(council, client):
    code = _send(client, council)
    conversation = Conversation.objects.get()
    services.conversation_reply(
        conversation=conversation,
        leader=council.users[Role.WORKFORCE_LEAD].memberships.get(),
        acknowledgement=Message.Acknowledgement.LOOKING,
    )
    data = {
        "code": code,
        "message": "It is worse this month.",
        "once": "0b6bd1a3-5e7c-4a55-93e9-6c0a4b1e2f44",
    }
    first = client.post(reverse("listening-anonymous-follow-up"), data)
    again = client.post(reverse("listening-anonymous-follow-up"), data)
    assert first.status_code == again.status_code == 200
    assert conversation.messages.filter(author=Message.Author.SENDER).count() == 2
    conversation.refresh_from_db()
    assert conversation.status == Conversation.Status.AWAITING


@pytest.mark.django_db
def test_sharing_ones_name_is_the_senders_choice(council, client):
    _send(client, council, share_name="on")
    assert Conversation.objects.get().revealed_name == council.social_worker.full_name


@pytest.mark.django_db
def test_flag_words_flag_a_message_with_guidance_and_the_lead_can_edit_them(council, client):
    _send(client, council, message="I am being bullied by a colleague and I cant go on")
    conversation = Conversation.objects.get()
    assert conversation.flags == ["bullying", "self_harm"]
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("listening-conversation", args=[conversation.pk])).content.decode()
    assert "Flagged: Bullying, harassment or discrimination" in page
    assert "Samaritans" in page  # the self-harm guidance
    response = client.post(
        reverse("listening-flag-edit", args=["harm"]),
        {"name": "Harm or threats", "keywords": "rota*\nthreat*", "guidance": "Act today."},
    )
    assert response.status_code == 302
    assert FlagCategory.objects.filter(organisation=council.organisation).count() == 4
    started = services.conversation_start(
        organisation=council.organisation, service=None, body="The new rotas are unsafe"
    )
    assert started.conversation.flags == ["harm"]


@pytest.mark.django_db
def test_leaders_read_names_redacted_and_only_the_lead_opens_a_flagged_full_text(council, client):
    _send(client, council, message="Priya Shah shouted at me, call 07700 900123. I feel bullied")
    conversation = Conversation.objects.get()
    client.force_login(council.users[Role.SERVICE_MANAGER])
    assert client.get(reverse("listening-conversation", args=[conversation.pk])).status_code == 404
    client.force_login(council.users[Role.WORKFORCE_LEAD])
    page = client.get(reverse("listening-conversation", args=[conversation.pk])).content.decode()
    assert "Priya" not in page and "07700" not in page and "[name]" in page
    opened = client.post(
        reverse("listening-conversation", args=[conversation.pk]), {"action": "full_text"}
    )
    assert "Priya Shah shouted at me" in opened.content.decode()
    assert FullTextView.objects.get().viewer == council.users[Role.WORKFORCE_LEAD]


@pytest.mark.django_db
def test_a_service_manager_answers_their_services_messages_only(council, client):
    services.conversation_start(
        organisation=council.organisation, service=council.children, body="To children's"
    )
    services.conversation_start(
        organisation=council.organisation, service=council.adults, body="To adults'"
    )
    services.conversation_start(organisation=council.organisation, service=None, body="To all")
    client.force_login(council.users[Role.SERVICE_MANAGER])
    page = client.get(reverse("listening-inbox")).content.decode()
    assert "To children" in page and "To adults" not in page and "To all" not in page


@pytest.mark.django_db
def test_a_closed_conversation_takes_no_more_messages(council, client):
    code = _send(client, council)
    conversation = Conversation.objects.get()
    services.conversation_close(conversation=conversation)
    response = client.post(
        reverse("listening-anonymous-follow-up"),
        {"code": code, "message": "Hello?", "once": "0b6bd1a3-5e7c-4a55-93e9-6c0a4b1e2f45"},
    )
    assert response.status_code == 400
    assert "closed" in response.content.decode()
    assert conversation.messages.count() == 1
