"""What apps to the right of courses add to the counsellor's client page, from their ready().

courses imports no app that builds on it: matching registers here the "submit for her" actions
it owns (the internship application), each a label and a URL name taking the client's id.
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class ClientAction:
    label: str
    url_name: str


_client_actions: list[ClientAction] = []


def register_client_action(label: str, url_name: str) -> None:
    """A button on the counsellor's client page, to ``reverse(url_name, args=[client.pk])``."""
    action = ClientAction(label=label, url_name=url_name)
    if action not in _client_actions:
        _client_actions.append(action)


def client_actions(client) -> list[tuple[str, str]]:
    """(label, url) of every registered action, for this client."""
    return [
        (action.label, reverse(action.url_name, args=[client.pk])) for action in _client_actions
    ]
