"""sitegen/theme/compiled_templates.py: each template compiled once per process, and only
shared between environments whose settings compile it alike."""

from __future__ import annotations

import uuid

import pytest
from jinja2 import DictLoader, Environment
from sitegen.theme.compiled_templates import share


def _name() -> str:
    return f"t-{uuid.uuid4().hex}.html"  # the stores live for the whole test process


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    compile_template = Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        seen.append(name)
        return compile_template(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counted)
    return seen


def test_a_template_is_compiled_once_for_every_environment_alike(compiles) -> None:
    name = _name()
    loader = DictLoader({name: "<p>{{ x }}</p>"})
    for _ in range(3):  # a new environment per language build, as MkDocs makes them
        env = share(Environment(loader=loader))
        assert env.get_template(name).render(x="a") == "<p>a</p>"
    assert compiles.count(name) == 1


def test_a_changed_template_is_compiled_again(compiles) -> None:
    name = _name()
    assert share(Environment(loader=DictLoader({name: "one"}))).get_template(name).render() == "one"
    assert share(Environment(loader=DictLoader({name: "two"}))).get_template(name).render() == "two"
    assert compiles.count(name) == 2


def test_escaping_and_plain_environments_keep_their_own_code(compiles) -> None:
    name = _name()
    loader = DictLoader({name: "{{ x }}"})
    plain = share(Environment(loader=loader))
    assert plain.get_template(name).render(x="<b>") == "<b>"
    escaping = share(plain.overlay(autoescape=True))  # as theme_context's help box
    assert escaping.get_template(name).render(x="<b>") == "&lt;b&gt;"
    again = Environment(loader=loader)
    again.autoescape = True  # as generate_pages sets it
    assert share(again).get_template(name).render(x="<b>") == "&lt;b&gt;"
    assert compiles.count(name) == 2  # once per setting


def test_an_escaping_rule_given_as_a_function_is_not_shared() -> None:
    env = Environment(autoescape=lambda name: True)
    assert share(env).bytecode_cache is None
