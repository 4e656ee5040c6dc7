"""The transition table as a full state × transition × role matrix, and the personas' roles."""

from __future__ import annotations

from typing import Any

import pytest

from doimoi.initiatives import events, forms, selectors, states
from doimoi.initiatives.rules import case_roles
from doimoi.initiatives.services.common import HANDLERS
from doimoi.initiatives.services.guards import GUARDS
from doimoi.initiatives.states import CaseRole, CaseState
from tests.initiatives import flow

# Written out by hand, apart from the table: a change to who may do what shows up here.
# transition: states it leaves from | roles that may make it (P proposer, H head, D deputy,
# C clerk, S supervisor, I inspector)
EXPECTED = """
save_draft           | draft returned                                   | P
submit               | draft returned                                   | P
return_for_revision  | submitted under_review                           | H
put_to_collective    | submitted                                        | H
escalate             | submitted under_review                           | H
record_party_opinion | under_review reported                            | H C
answer_checklist     | under_review                                     | H D
record_vote          | under_review                                     | H C
approve              | under_review                                     | H
approve_pilot        | under_review                                     | H
reject               | under_review                                     | H
start                | approved pilot_approved                          | H
record_resources     | in_progress suspended                            | P H
report_progress      | in_progress                                      | P
record_supervision   | in_progress suspended                            | S I H
raise_problem        | in_progress suspended                            | P S
give_support         | in_progress suspended                            | H
adjust               | in_progress suspended                            | H
suspend              | in_progress                                      | H
resume               | suspended                                        | H
stop                 | in_progress suspended                            | H
complete             | in_progress                                      | P H
report_result        | completed stopped                                | P
evaluate             | reported                                         | H
grant_protection     | evaluated                                        | H
refer                | in_progress suspended stopped completed reported evaluated protected recognized | H I
recognize_model      | protected                                        | H
record_adoption      | recognized                                       | H
report_adoption      | recognized                                       | H
propose_regulation   | recognized                                       | H
propose_reward       | protected recognized                             | H
decide_reward        | protected recognized                             | H
"""
LETTERS = {
    "P": CaseRole.PROPOSER,
    "H": CaseRole.HEAD,
    "D": CaseRole.DEPUTY,
    "C": CaseRole.CLERK,
    "S": CaseRole.SUPERVISOR,
    "I": CaseRole.INSPECTOR,
}


def _expected() -> dict[str, tuple[set[str], set[CaseRole]]]:
    rows = {}
    for line in EXPECTED.strip().splitlines():
        name, sources, roles = (part.strip() for part in line.split("|"))
        rows[name] = (set(sources.split()), {LETTERS[r] for r in roles.split()})
    return rows


def test_matrix_covers_every_transition() -> None:
    assert set(_expected()) == set(states.TRANSITIONS)


@pytest.mark.parametrize("state", list(CaseState))
def test_state_transition_role_matrix(state: CaseState) -> None:
    expected = _expected()
    for name, (sources, roles) in expected.items():
        for role in CaseRole:
            allowed = state.value in sources and role in roles
            assert states.allowed(state, name, {role}) is allowed, (state, name, role)


def test_every_transition_has_form_handler_verb_and_known_guards() -> None:
    for spec in states.TABLE:
        assert spec.name in forms.FORMS
        assert spec.name in HANDLERS
        assert spec.name in events.TRANSITION_VERBS
        assert set(spec.guards) <= set(GUARDS), spec.name
        assert set(spec.required) <= set(states.FIELD_LABELS), spec.name
        assert spec.sources, spec.name


def test_every_state_is_reached_and_every_state_but_the_last_ones_is_left() -> None:
    targets = {t.target for t in states.TABLE if t.target} | {CaseState.DRAFT}
    assert targets == set(CaseState)
    left = {s for t in states.TABLE for s in t.sources}
    assert set(CaseState) - left == {CaseState.REJECTED, CaseState.REFERRED}


# Who each persona is to a case of Đảng ủy phường 1 Bảo Lộc proposed by canbo.baoloc.
PERSONAS = {
    flow.PROPOSER: {CaseRole.PROPOSER, CaseRole.OBSERVER},
    flow.HEAD: {CaseRole.HEAD, CaseRole.OBSERVER},
    flow.DEPUTY: {CaseRole.DEPUTY, CaseRole.OBSERVER},
    flow.CLERK: {CaseRole.CLERK, CaseRole.OBSERVER},
    flow.INSPECTOR: {CaseRole.INSPECTOR, CaseRole.OBSERVER},
    flow.OBSERVER: {CaseRole.OBSERVER},
    flow.OUTSIDER: set(),
}


def _not_yet(case: Any) -> set[str]:
    """Moves the case page does not offer yet: nothing to decide on, a result not completed."""
    hidden = {"decide_reward", "report_adoption", "give_support"}  # no reward, adoption, problem
    if case.outcome != "completed":
        hidden |= {"recognize_model", "propose_reward"}
    if not case.votes.exists():  # nothing voted: no decision either way yet (guards)
        hidden |= {"approve", "approve_pilot", "reject"}
    if not case.party_opinions.filter(stage="evaluation").exists():  # asked before evaluating
        hidden |= {"evaluate"}
    return hidden


@pytest.mark.django_db
def test_personas_see_exactly_the_transitions_of_their_roles(d: Any, persona: Any) -> None:
    for state in CaseState:
        case = flow.reach(d, state)
        for username, base_roles in PERSONAS.items():
            user = persona(username)
            roles = set(base_roles)
            if state == CaseState.DRAFT:
                roles &= {CaseRole.PROPOSER}
            if username == flow.SUPERVISOR:
                continue
            assert case_roles(user, case) == roles, (state, username)
            names = {t.name for t in selectors.allowed_transitions(viewer=user, case=case)}
            offered = {t.name for t in states.available(state, roles)}
            assert names == offered - _not_yet(case), (state, username)
        supervisor = persona(flow.SUPERVISOR)
        has_supervisor = case.supervisor is not None
        assert (CaseRole.SUPERVISOR in case_roles(supervisor, case)) is has_supervisor, state
